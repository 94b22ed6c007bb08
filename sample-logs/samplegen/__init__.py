"""samplegen: writes the sample folders under sample-logs/ and their answer keys (sample-logs/expected/).

    cd sample-logs && python3 -m samplegen                 # every folder, in place
    cd sample-logs && python3 -m samplegen --out DIR kill  # some folders, elsewhere (see --help)

Standard library only and deterministic: the same code always writes the same bytes, so a diff of the
outputs reviews a change here (SampleGeneratorTests regenerates everything and compares byte for byte).
incident-restart's app log and formats-drivers are written by hand and not touched.

The domain comes from the seed documents: the error texts, ERRORLOG lines, `netstat -n` and
`netsh int tcp show global` layouts, the ACK+RESET capture signature, and the 30 s + 5 x 1 s keepalive
timing. Layouts follow what the real tools write.

Layout, bottom up:
    clock.py         UTC instants from text and the ways logs print them
    textfile.py      a file's lines in time order, then its newline, encoding and BOM; writing bytes
    formats/         applog (Serilog, log4net, logback, Python), errorlog (SQL Server ERRORLOG),
                     clef (Serilog compact JSON), network (netsh, netstat, tshark, wevtutil)
    drivers/         client error text per driver: sqlclient, odbc, jdbc, pyodbc
    appframes.py     application stack frames the client errors end with
    noise.py         the ordinary lines between the ones that matter
    connstrings.py   connection strings and the passwords that land in logs
    incident.py      an incident folder, its marked lines and its answer key
    incidents/       one module per folder, each with write(out)
    __main__.py      the command line
"""
