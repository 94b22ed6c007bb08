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
    /// <summary>Files being read ahead and not yet written (abandoned when the run stops early).</summary>
    private readonly List<ReadAhead> _reading = [];

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
        // One item of look-ahead: while a file is written, the next one (when it is large) is already
        // read on its own thread, unless it learns from the file being written: ERRORLOG teaches
        // ERRORLOG.1 of its folder the server and offset (FolderHints).
        Work? current = null;
        try
        {
            foreach (var next in Items(paths, cancel))
            {
                if (current is { } work)
                    yield return Process(work, next, cancel);
                current = next;
            }
            if (current is { } last)
                yield return Process(last, null, cancel);
        }
        finally
        {
            // The consumer stopped early (an error, Ctrl+C): a file read ahead is abandoned, not committed.
            foreach (var ahead in _reading.ToArray())
                ahead.Abandon();
        }
    }

    /// <summary>Every file the paths hold (archives expanded), or the result already known for it.</summary>
    private IEnumerable<Work> Items(IEnumerable<string> paths, CancellationToken cancel)
    {
        var walker = new SourceWalker(IsStoreFile);
        foreach (var path in paths)
        {
            foreach (var (source, leftOut) in walker.Expand(path))
            {
                cancel.ThrowIfCancellationRequested();
                if (leftOut is not null)
                {
                    yield return new Work(new FileResult(source.Path, source.RelativePath, FileOutcome.Skipped, null, 0, leftOut, [], 0));
                    continue;
                }
                if (!ArchiveExpander.IsArchive(source.Path) || !File.Exists(source.Path))
                {
                    yield return new Work(source);
                    continue;
                }
                var expansion = _archives.Expand(source, cancel);
                yield return new Work(expansion.Result);
                foreach (var inner in expansion.Files)
                {
                    cancel.ThrowIfCancellationRequested();
                    yield return new Work(inner);
                }
            }
        }
    }

    private FileResult Process(Work work, Work? next, CancellationToken cancel)
    {
        if (work.Result is { } known)
            return known;
        if (work.Ahead is { } ahead)
        {
            ReadNextAhead(work, next, cancel);
            return ahead.Finish(cancel);
        }
        var opened = Open(work.Source!.Value, _names, out var early);
        // The file written now takes its id before the one read ahead: ids follow the walk.
        long id = opened is null ? 0 : _store.ReserveSourceId();
        ReadNextAhead(work, next, cancel);
        return opened is null ? early! : IngestFile(opened, id, cancel);
    }

    private void ReadNextAhead(Work work, Work? next, CancellationToken cancel)
    {
        if (next is { Source: { } following, Ahead: null } && work.Source is { } source)
        {
            bool sibling = string.Equals(Path.GetDirectoryName(following.Path), Path.GetDirectoryName(source.Path), StringComparison.Ordinal);
            next.Ahead = StartAhead(following, sibling, cancel);
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

    private FileResult IngestFile(Opened opened, long id, CancellationToken cancel)
    {
        try
        {
            using var raw = opened.Raw;
            using var lines = new LineReader(raw, opened.Encoding, opened.Bom, opened.Problems);
            using var writer = BeginSource(opened, id);
            if (opened.Info.Length < PipelineBytes)
                opened.Format.Read(lines, opened.Context, new CancellingSink(writer, cancel));
            else
                ReadPipelined(opened.Format, lines, opened.Context, writer, cancel);
            return Finish(opened, writer);
        }
        catch (Exception e) when (Failure(opened.File, opened.Rel, opened.Problems, opened.Stage, e) is { } failed)
        {
            return failed;
        }
    }

    private SourceWriter BeginSource(Opened o, long id) =>
        _store.BeginSource(id, o.File, o.Rel, o.Format.Name, o.Encoding, o.Info.Length, o.Info.LastWriteTimeUtc.Ticks);

    /// <summary>
    /// The next large file, read and encoded on its own thread into a <see cref="SourceSpool"/> while
    /// the current one is written, and written when its turn comes. Null for a small file, and for a
    /// reader that learns from the folder of the file being written (<see cref="ILogFormat.LearnsFromSiblings"/>):
    /// those are read in their turn.
    /// </summary>
    private ReadAhead? StartAhead(SourceFile source, bool sibling, CancellationToken cancel)
    {
        if (!File.Exists(source.Path) || new FileInfo(source.Path).Length < PipelineBytes)
            return null;
        // Its own name pool: the writer's thread uses the shared one meanwhile.
        if (Open(source, new NamePool(), out var early) is not { } opened)
            return new ReadAhead(this, early!, null, null, null);
        if (sibling && opened.Format.LearnsFromSiblings)
        {
            opened.Raw.Dispose();
            return null;
        }
        var spool = new SourceSpool(_store, _store.ReserveSourceId());
        var read = Task.Factory.StartNew(() =>
        {
            try
            {
                using var raw = opened.Raw;
                using var lines = new LineReader(raw, opened.Encoding, opened.Bom, opened.Problems);
                opened.Format.Read(lines, opened.Context, new CancellingSink(spool, cancel));
                spool.Complete();
            }
            finally
            {
                spool.Stop();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var ahead = new ReadAhead(this, null, opened, spool, read);
        _reading.Add(ahead);
        return ahead;
    }

    /// <summary>Commits a file that was read, or says why not.</summary>
    private FileResult Finish(Opened opened, SourceWriter writer)
    {
        if (writer.Events == 0 && opened.Problems.Total > 0)
            return new FileResult(opened.File, opened.Rel, FileOutcome.Failed, opened.Guess, 0, "nothing readable", opened.Problems.Items, opened.Info.Length);
        string? host = opened.Context.SourceHost ?? opened.Context.ResolveHost(null);
        writer.Commit(opened.Context.Clock, host, opened.Problems.Total);
        return new FileResult(opened.File, opened.Rel, FileOutcome.Ingested, opened.Guess, writer.Events, null, opened.Problems.Items, opened.Info.Length,
            opened.Context.Clock.Describe(), host);
    }

    /// <summary>
    /// Identifies a file and opens it for reading, or gives its result at once (<paramref name="early"/>):
    /// unchanged since the last ingest, empty, binary, unreadable.
    /// </summary>
    private Opened? Open(SourceFile source, NamePool names, out FileResult? early)
    {
        string file = source.Path, rel = source.RelativePath;
        var problems = new ProblemList(rel);
        early = null;
        if (!File.Exists(file))
        {
            early = new FileResult(file, rel, FileOutcome.Failed, null, 0, "no such file or folder", [], 0);
            return null;
        }
        FileStream? raw = null;
        try
        {
            var info = new FileInfo(file);
            var known = _store.FindSource(file);
            if (known is not null && known.Size == info.Length && known.ModifiedTicks == info.LastWriteTimeUtc.Ticks
                && !AsksOtherZone(known, rel))
            {
                early = new FileResult(file, rel, FileOutcome.Unchanged, null, known.Events, null, [], info.Length);
                return null;
            }
            if (info.Length == 0)
            {
                early = new FileResult(file, rel, FileOutcome.Skipped, null, 0, "empty file", [], 0);
                return null;
            }

            raw = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
            var head = new byte[(int)Math.Min(SniffBytes, info.Length)];
            raw.ReadExactly(head);
            raw.Position = 0;
            var (encoding, bom) = EncodingSniffer.Detect(head);
            if (EncodingSniffer.LooksBinary(head.AsSpan(bom), encoding))
            {
                early = new FileResult(file, rel, FileOutcome.Skipped, null, 0, "not a text log (binary content)", [], info.Length);
                return null;
            }

            var sample = FormatDetector.Sample(Path.GetFileName(file), head, encoding, bom);
            var guess = _forced is { } f ? new FormatGuess(f, 1, f.Name, null, 0) : FormatDetector.Detect(sample, _formats);
            // No readable text is skipped: what no specific format claims, the general reader takes.
            if (guess.Format is null)
                guess = guess with { Format = FormatRegistry.Text };

            var context = new IngestContext
            {
                Path = file,
                RelativePath = rel,
                Clock = new SourceClock(TzRule.Find(_options.TimeZones, rel), _options.ServerZone),
                Problems = problems,
                Names = names,
                Hints = _hints,
                UserHost = _options.Host,
                FolderHost = source.FolderHost,
                At = _options.At,
                Modified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero),
                Head = sample.Head,
            };
            var opened = new Opened(file, rel, info, guess, encoding, bom, raw, problems, context);
            raw = null;
            return opened;
        }
        catch (Exception e) when (Failure(file, rel, problems, "format detection", e) is { } failed)
        {
            early = failed;
            return null;
        }
        finally
        {
            raw?.Dispose();
        }
    }

    /// <summary>What a file's failure becomes: an unreadable file fails alone, a reader's bug is reported as one. Null for cancellation.</summary>
    /// <param name="stage">Whose code was running: detection tries every format, then one reads.</param>
    private static FileResult? Failure(string file, string rel, ProblemList problems, string stage, Exception e) => e switch
    {
        OperationCanceledException => null,
        IOException or UnauthorizedAccessException => new FileResult(file, rel, FileOutcome.Failed, null, 0, e.Message, problems.Items, 0),
        // One file's bug must not cost the others (the writer has rolled this file back).
        _ => new FileResult(file, rel, FileOutcome.InternalError, null, 0,
            $"internal error in {stage}: {e.Message}; the other files were ingested", problems.Items, 0),
    };

    /// <summary>A file opened and identified, ready to read.</summary>
    private sealed record Opened(string File, string Rel, FileInfo Info, FormatGuess Guess, SourceEncoding Encoding, int Bom,
        FileStream Raw, ProblemList Problems, IngestContext Context)
    {
        /// <summary>The reader chosen (detection, <c>--format</c>, or the general reader when nothing claimed the file).</summary>
        public ILogFormat Format => Guess.Format!;

        public string Stage => $"the {Format.Name} reader";
    }

    /// <summary>One item of the walk: a file to ingest, or its result already known (left out, an archive's own line).</summary>
    private sealed class Work
    {
        public Work(FileResult result) => Result = result;

        public Work(SourceFile source) => Source = source;

        public FileResult? Result { get; }
        public SourceFile? Source { get; }
        public ReadAhead? Ahead { get; set; }
    }

    /// <summary>A file being read ahead (<see cref="StartAhead"/>), or its result when opening it already decided it.</summary>
    private sealed class ReadAhead(IngestRunner runner, FileResult? early, Opened? opened, SourceSpool? spool, Task? read)
    {
        /// <summary>In its turn, on the writer's thread: writes what was read, waiting for the rest, and commits.</summary>
        public FileResult Finish(CancellationToken cancel)
        {
            if (opened is null || spool is null || read is null)
                return early!;
            try
            {
                using var writer = runner.BeginSource(opened, spool.SourceId);
                writer.Write(spool, cancel);
                read.GetAwaiter().GetResult();
                return runner.Finish(opened, writer);
            }
            catch (Exception e) when (Failure(opened.File, opened.Rel, opened.Problems, opened.Stage, e) is { } failed)
            {
                return failed;
            }
            finally
            {
                Abandon();
            }
        }

        /// <summary>Stops the reader (it takes no more blocks) and waits for its thread to end.</summary>
        public void Abandon()
        {
            spool?.Abandon();
            try
            {
                read?.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The reader's failure was reported, or nobody will ask for it.
            }
            runner._reading.Remove(this);
        }
    }
}
