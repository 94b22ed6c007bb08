using System.Text.RegularExpressions;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>The rule files in grammars/rules are what the tool runs: each loads, and says where its knowledge comes from.</summary>
public sealed partial class RuleFilesTests
{
    [GeneratedRegex(@"^00[0-4]_[0-9a-f]{16}\.txt$")]
    private static partial Regex SeedName();

    [Fact]
    public void The_built_in_rules_are_one_per_cause_in_file_order()
    {
        Assert.Equal(
            ["backlog", "chimney", "failover", "idle-timeout", "keepalive", "keepalive-aftermath", "kill", "port-exhaustion", "restart"],
            RuleSet.BuiltIn.Select(r => r.Id));
    }

    [Fact]
    public void The_embedded_rules_are_the_files_in_grammars_rules()
    {
        var files = Directory.GetFiles(RepoPaths.File("grammars/rules"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(files, RuleSet.BuiltIn.Select(r => r.Id));
    }

    [Fact]
    public void Every_rule_names_a_seed_document_and_a_remedy()
    {
        Assert.All(RuleSet.BuiltIn, r =>
        {
            Assert.Matches(SeedName(), r.Seed);
            Assert.True(r.Remedy.Length > 80, r.Id + " has a thin remedy");
            Assert.InRange(r.Confidence, 0.5, 0.95);
        });
    }

    [Fact]
    public void Restart_kill_and_failover_are_anchored_so_the_clock_check_can_use_them()
    {
        Assert.Equal(["failover", "kill", "restart"], RuleSet.BuiltIn.Where(r => r.IsAnchored).Select(r => r.Id));
    }

    [Fact]
    public void A_folder_of_rules_replaces_the_built_in_ones()
    {
        using var dir = new TempFolder();
        dir.File("mine.yaml", SomeRules.Yaml("mine", "errors 10054 near restart within 1m"));

        var rules = RuleSet.FromFolder(dir.Path);

        Assert.Equal("mine", Assert.Single(rules).Id);
    }
}
