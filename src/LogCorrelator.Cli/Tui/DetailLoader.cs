using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>Reads the selected row's entry and context from its source file, once per selection.</summary>
internal sealed class DetailLoader(EventStore store)
{
    /// <summary>Context lines read before and after the entry.</summary>
    public const int Context = 3;

    private readonly EventBrowser _browser = new(store);
    private DetailView? _last;

    public DetailView? Load(ResultRow? row, bool isJoin)
    {
        if (row is null)
            return null;
        if (_last is not null && _last.Row == row)
            return _last;
        var at = _browser.Locate(row.Id);
        _last = at is null
            ? new DetailView(row, "?", 0, [new ExcerptLine(0, "<the event is no longer in the store>", true)], isJoin)
            : new DetailView(row, CommonOptions.DisplayPath(at.Source.Path), at.Line, SourceExcerpt.Read(at, Context, Context), isJoin);
        return _last;
    }
}
