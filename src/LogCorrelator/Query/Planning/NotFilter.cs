namespace LogCorrelator.Query.Planning;

internal sealed record NotFilter(Filter Item) : Filter;
