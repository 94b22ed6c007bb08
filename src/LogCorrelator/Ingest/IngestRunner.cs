using LogCorrelator.Events;
using LogCorrelator.Ingest.Archives;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Ingest.Walking;
using LogCorrelator.Store;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest;

/// <summary>
/// Walks the paths the user gave, expands zip archives next to the store, detects each file's format
/// and streams it into the store, one transaction per file. A file that fails is reported and skipped; the run goes on,
/// also when a reader throws what it should have reported (a bug: <see cref="FileOutcome.InternalError"/>).
/// </summary>
public sealed class IngestRunner
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>Files from this size on are parsed on a second thread while this one writes the store.</summary>
    private const long PipelineBytes = 4 << 20;

    private readonly EventStore _store;
    private readonly IngestOptions _options;
    private readonly IReadOnlyList<ILogFormat> _formats;
    private readonly ILogFormat? _forced;
    private readonly FolderHints _hints = new();
    private readonly NamePool _names = new();
    private readonly ArchiveExpander _archives;

    public IngestRunner(EventStore store, IngestOptions options)
        : this(store, options, FormatRegistry.All)
    {
    }

    internal IngestRunner(EventStore store, IngestOptions options, IReadOnlyList<ILogFormat> formats)
    {
        _store = store;
        _options = options;
        _formats = formats;
        _forced = options.Format is { } name
            ? formats.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase)) ?? throw new ArgumentException($"unknown format '{name}'")
            : null;
        _archives = new ArchiveExpander(store.Path + ".files", ArchiveLimits.Default);
    }

    /// <summary>Every format name <c>--format</c> accepts.</summary>
    public static IEnumerable<string> FormatNames => FormatRegistry.All.Select(f => f.Name);

    public IEnumerable<FileResult> Run(IEnumerable<string> paths, CancellationToken cancel = default)
    {
        var walker = new SourceWalker(IsStoreFile);
        foreach (var path in paths)
        {
            foreach (var (source, leftOut) in walker.Expand(path))
            {
                cancel.ThrowIfCancellationRequested();
                if (leftOut is not null)
                {
                    yield return new FileResult(source.Path, source.RelativePath, FileOutcome.Skipped, null, 0, leftOut, [], 0);
                    continue;
                }
                if (!ArchiveExpander.IsArchive(source.Path) || !File.Exists(source.Path))
                {
                    yield return IngestFile(source, cancel);
                    continue;
                }
                var expansion = _archives.Expand(source, cancel);
                yield return expansion.Result;
                foreach (var inner in expansion.Files)
                {
                    cancel.ThrowIfCancellationRequested();
                    yield return IngestFile(inner, cancel);
                }
            }
        }
    }

    /// <summary>
    /// An unchanged file is read again when a <c>--tz</c> rule now names a zone other than the one
    /// its times were stored with (the usual second run after a report said a clock was assumed).
    /// Without a rule the stored times stand, so a later plain <c>query PATH</c> keeps an earlier --tz.
    /// </summary>
    private bool AsksOtherZone(SourceRecord known, string rel) =>
        TzRule.Find(_options.TimeZones, rel) is { } zone
        && !(known.OffsetOrigin == OffsetOrigin.User && string.Equals(known.Zone, zone.Text, StringComparison.Ordinal));

    /// <summary>The store itself, what it extracted from archives (<c>store.lcdb.files/</c>) and hidden files.</summary>
    private bool IsStoreFile(string file) =>
        _store.Owns(file) || Path.GetFileName(file).StartsWith('.');

    /// <summary>
    /// Parses on a worker thread and writes here: the store's connection stays on one thread, and
    /// the parser's state (context, problems, clock) is read only after the worker has finished.
    /// </summary>
    private static void ReadPipelined(ILogFormat format, LineReader lines, IngestContext context, IEventSink writer, CancellationToken cancel)
    {
        using var pipe = new EventPipe();
        var parse = Task.Factory.StartNew(() =>
        {
            try
            {
                format.Read(lines, context, new CancellingSink(pipe, cancel));
            }
            finally
            {
                pipe.Complete();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            pipe.DrainTo(writer);
        }
        catch
        {
            // The writer's error is the one to report; the parser stops at its next event.
            try
            {
                parse.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }
            throw;
        }
        parse.GetAwaiter().GetResult();
    }

    private FileResult IngestFile(SourceFile source, CancellationToken cancel)
    {
        string file = source.Path, rel = source.RelativePath;
        var problems = new ProblemList(rel);
        if (!File.Exists(file))
            return new FileResult(file, rel, FileOutcome.Failed, null, 0, "no such file or folder", [], 0);
        // Whose code was running, for a failure that is a bug: detection tries every format, then one reads.
        string stage = "format detection";
        try
        {
            var info = new FileInfo(file);
            var known = _store.FindSource(file);
            if (known is not null && known.Size == info.Length && known.ModifiedTicks == info.LastWriteTimeUtc.Ticks
                && !AsksOtherZone(known, rel))
                return new FileResult(file, rel, FileOutcome.Unchanged, null, known.Events, null, [], info.Length);
            if (info.Length == 0)
                return new FileResult(file, rel, FileOutcome.Skipped, null, 0, "empty file", [], 0);

            using var raw = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
            var head = new byte[(int)Math.Min(SniffBytes, info.Length)];
            raw.ReadExactly(head);
            raw.Position = 0;
            var (encoding, bom) = EncodingSniffer.Detect(head);
            if (EncodingSniffer.LooksBinary(head.AsSpan(bom), encoding))
                return new FileResult(file, rel, FileOutcome.Skipped, null, 0, "not a text log (binary content)", [], info.Length);

            var sample = FormatDetector.Sample(Path.GetFileName(file), head, encoding, bom);
            var guess = _forced is { } f ? new FormatGuess(f, 1, f.Name, null, 0) : FormatDetector.Detect(sample, _formats);
            // No readable text is skipped: what no specific format claims, the general reader takes.
            if (guess.Format is null)
                guess = guess with { Format = FormatRegistry.Text };
            stage = $"the {guess.Format.Name} reader";

            var context = new IngestContext
            {
                Path = file,
                RelativePath = rel,
                Clock = new SourceClock(TzRule.Find(_options.TimeZones, rel), _options.ServerZone),
                Problems = problems,
                Names = _names,
                Hints = _hints,
                UserHost = _options.Host,
                FolderHost = source.FolderHost,
                At = _options.At,
                Modified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero),
                Head = sample.Head,
            };

            using var hashing = new HashingStream(raw);
            using var lines = new LineReader(hashing, encoding, bom, problems);
            using var writer = _store.BeginSource(file, rel, guess.Format.Name, encoding, info.Length, info.LastWriteTimeUtc.Ticks);
            if (info.Length < PipelineBytes)
                guess.Format.Read(lines, context, new CancellingSink(writer, cancel));
            else
                ReadPipelined(guess.Format, lines, context, writer, cancel);
            if (writer.Events == 0 && problems.Total > 0)
                return new FileResult(file, rel, FileOutcome.Failed, guess, 0, "nothing readable", problems.Items, info.Length);
            string? host = context.SourceHost ?? context.ResolveHost(null);
            writer.Commit(hashing.Finish(), context.Clock, host, problems.Total);
            return new FileResult(file, rel, FileOutcome.Ingested, guess, writer.Events, null, problems.Items, info.Length,
                context.Clock.Describe(), host);
        }
        catch (IOException e)
        {
            return new FileResult(file, rel, FileOutcome.Failed, null, 0, e.Message, problems.Items, 0);
        }
        catch (UnauthorizedAccessException e)
        {
            return new FileResult(file, rel, FileOutcome.Failed, null, 0, e.Message, problems.Items, 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One file's bug must not cost the others (the writer has rolled this file back).
            return new FileResult(file, rel, FileOutcome.InternalError, null, 0,
                $"internal error in {stage}: {e.Message}; the other files were ingested", problems.Items, 0);
        }
    }
}
