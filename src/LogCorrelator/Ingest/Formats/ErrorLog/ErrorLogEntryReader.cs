using System.Diagnostics.CodeAnalysis;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// Frames ERRORLOG lines into entries: a timestamped line starts one, lines without a timestamp
/// continue it, and an <c>Error:</c> line takes the message line after it. An entry is complete
/// only when the next one starts, so two entries alternate: the one handed out and the one filling.
/// </summary>
internal sealed class ErrorLogEntryReader : IDisposable
{
    private readonly LineReader _lines;
    private readonly IErrorLogLineParser _parser;
    private readonly IProblemReporter _problems;
    private ErrorLogEntry _filling;
    private ErrorLogEntry _handedOut;
    private int _orphans;
    private int _firstOrphanLine;
    private bool _finished;

    public ErrorLogEntryReader(LineReader lines, IErrorLogLineParser parser, IProblemReporter problems)
    {
        _lines = lines;
        _parser = parser;
        _problems = problems;
        _filling = new ErrorLogEntry(lines.Encoding);
        _handedOut = new ErrorLogEntry(lines.Encoding);
    }

    /// <summary>The next complete entry; valid until the next call.</summary>
    public bool TryRead([NotNullWhen(true)] out ErrorLogEntry? entry)
    {
        while (_lines.TryReadLine(out Line line))
        {
            var shape = _parser.Parse(line.Text, out ErrorLogHeader header);
            if (shape == ErrorLogLineShape.Entry)
            {
                if (_filling.IsEmpty)
                {
                    ReportOrphans();
                    _filling.Start(line, header);
                    continue;
                }
                if (_filling.TryPair(line, header))
                    continue;
                (_filling, _handedOut) = (_handedOut, _filling);
                _filling.Start(line, header);
                entry = _handedOut;
                return true;
            }
            if (shape == ErrorLogLineShape.Ignored)
                continue;
            if (shape == ErrorLogLineShape.MalformedTimestamp)
            {
                // Kept with the entry before it, so its bytes still show with that entry's raw text.
                string stamp = line.Text[..Math.Min(line.Text.Length, 22)].ToString();
                _problems.Report(line.Number, _filling.IsEmpty
                    ? $"malformed timestamp '{stamp}': line skipped"
                    : $"malformed timestamp '{stamp}': kept as a continuation of the entry at line {_filling.Buffer.FirstLine}");
                if (!_filling.IsEmpty)
                    _filling.Append(line);
                continue;
            }
            if (_filling.IsEmpty)
            {
                if (!line.Text.IsWhiteSpace() && _orphans++ == 0)
                    _firstOrphanLine = line.Number;
            }
            else
            {
                _filling.Append(line);
            }
        }
        ReportOrphans();
        if (!_finished && !_filling.IsEmpty)
        {
            _finished = true;
            entry = _filling;
            return true;
        }
        entry = null;
        return false;
    }

    private void ReportOrphans()
    {
        if (_orphans == 0)
            return;
        _problems.Report(_firstOrphanLine, _orphans == 1
            ? "1 line before the first timestamped line is not part of any entry"
            : $"{_orphans} lines before the first timestamped line are not part of any entry");
        _orphans = 0;
    }

    public void Dispose()
    {
        _filling.Dispose();
        _handedOut.Dispose();
    }
}
