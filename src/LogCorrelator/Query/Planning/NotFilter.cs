namespace LogCorrelator.Query.Planning;

internal sealed record NotFilter(Filter Item) : Filter
{
    public override bool InSql => Item.InSql;
}
