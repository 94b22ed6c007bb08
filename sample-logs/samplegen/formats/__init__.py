"""The file formats the samples are written in: app logs, ERRORLOG, CLEF, network and OS outputs."""
