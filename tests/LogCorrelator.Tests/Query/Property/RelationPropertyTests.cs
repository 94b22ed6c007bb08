using LogCorrelator.Query;

namespace LogCorrelator.Tests.Query.Property;

/// <summary>
/// Every relation (plain, negated, chained with and/or, keyed, over filtered sets and unions)
/// against the brute-force model on random event sets in a real store.
/// </summary>
public sealed class RelationPropertyTests
{
    private const int Worlds = 80;
    private const int QueriesPerWorld = 12;

    [Fact]
    public void The_engine_answers_like_the_brute_force_model()
    {
        int matched = 0;
        for (int seed = 0; seed < Worlds; seed++)
        {
            using var world = new RandomWorld(seed);
            matched += Compare(world, seed, QueriesPerWorld);
        }
        // The generator must produce queries that find something, or the comparison proves little.
        Assert.True(matched > 500, $"only {matched} matches over all queries");
    }

    [Fact]
    public void Joins_driven_from_a_small_right_side_answer_like_the_model_too()
    {
        int matched = 0, driven = 0;
        for (int seed = 0; seed < 24; seed++)
        {
            using var world = new RandomWorld(1000 + seed, skewed: true);
            matched += Compare(world, seed, 10, () => driven++);
        }
        Assert.True(matched > 500, $"only {matched} matches over all queries");
        // Many of these queries start from the right side: the driven path is what they test.
        Assert.True(driven > 30, $"only {driven} driven queries");
    }

    private static int Compare(RandomWorld world, int seed, int queries, Action? driven = null)
    {
        int matched = 0;
        {
            for (int q = 0; q < queries; q++)
            {
                var left = world.Set();
                var condition = world.Condition();
                string text = left.Text + " " + condition.Text;
                var expected = world.Events.Where(e => left.Has(e) && condition.Holds(e, world.Events))
                    .OrderBy(e => e.Time).ThenBy(e => e.Source).ThenBy(e => e.Tag).Select(e => e.Tag).ToList();
                if (driven is not null && QueryEngine.Explain(world.Store, text).StartsWith("query   " + QueryEngine.Canonical(text) + "\norder ", StringComparison.Ordinal))
                    driven();
                var result = QueryEngine.Run(world.Store, text);
                var actual = result.Matches.Select(m => Tag(m.Event.Message)).ToList();
                Assert.True(expected.OrderBy(t => t).SequenceEqual(actual.OrderBy(t => t)),
                    $"seed {seed}: {text}\nexpected [{string.Join(",", expected)}]\nactual   [{string.Join(",", actual)}]");
                foreach (var match in result.Matches)
                    CheckRelated(world, condition, match, text);
                matched += actual.Count;
            }
        }
        return matched;
    }

    /// <summary>
    /// Each related event justifies the match through some relation that must find something; a
    /// lone relation shows exactly the nearest five (or all when fewer).
    /// </summary>
    private static void CheckRelated(RandomWorld world, MCond condition, QueryMatch match, string text)
    {
        var a = world.Events[Tag(match.Event.Message)];
        var positives = Positives(condition).ToList();
        var justified = positives.SelectMany(r => r.Justifying(a, world.Events)).Select(e => e.Tag).ToHashSet();
        foreach (var related in match.Related)
            Assert.True(justified.Contains(Tag(related.Event.Message)), $"{text}: event #{a.Tag} shows #{Tag(related.Event.Message)}");
        if (condition is MRel { Negated: false } lone)
            Assert.Equal(Math.Min(5, lone.Justifying(a, world.Events).Count()), match.Related.Count);
        if (condition is MRel { Negated: true })
            Assert.Empty(match.Related);
    }

    private static IEnumerable<MRel> Positives(MCond condition) => condition switch
    {
        MRel { Negated: false } r => [r],
        MGroup g => g.Items.SelectMany(Positives),
        _ => [],
    };

    private static int Tag(string message) => int.Parse(message[(message.LastIndexOf('#') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
