using System.Reflection;
using System.Text.RegularExpressions;
using LogCorrelator.Events;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Store;

/// <summary>
/// Dependencies point one way: Ingest uses the store, never the reverse. The store once took
/// Ingest's sink interface and encodings; this keeps them from coming back.
/// </summary>
public sealed partial class StoreDependencyTests
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_type_in_the_store_names_a_type_of_ingest()
    {
        var offenders = StoreTypes()
            .SelectMany(t => ReferencedTypes(t).Where(IsIngest).Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_store_source_file_names_the_ingest_namespace()
    {
        // Reflection cannot see a constant: SourceRecord once compared with the CLEF reader's
        // format name, which the compiler copies in as a literal. The text still says it.
        var root = RepoPaths.File("src/LogCorrelator/Store");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => IngestName().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_scan_sees_a_writers_interface_and_its_constructor_parameters()
    {
        // The check above is only as good as what it scans: the types that moved out of Ingest
        // must be seen where the store uses them.
        var seen = ReferencedTypes(typeof(SourceWriter)).ToHashSet();

        Assert.Contains(typeof(IEventSink), seen);
        Assert.Contains(typeof(SourceEncoding), seen);
    }

    private static IEnumerable<Type> StoreTypes() =>
        typeof(EventStore).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns == "LogCorrelator.Store" || ns.StartsWith("LogCorrelator.Store.", StringComparison.Ordinal)));

    private static bool IsIngest(Type t) =>
        t.Namespace is { } ns && (ns == "LogCorrelator.Ingest" || ns.StartsWith("LogCorrelator.Ingest.", StringComparison.Ordinal));

    /// <summary>Every type named by a type's signatures: base, interfaces, fields, properties, events, methods and constructors.</summary>
    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        var direct = new List<Type>();
        if (type.BaseType is { } b)
            direct.Add(b);
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        direct.AddRange(type.GetEvents(Declared).Select(e => e.EventHandlerType).OfType<Type>());
        foreach (var m in type.GetMethods(Declared))
        {
            direct.Add(m.ReturnType);
            direct.AddRange(m.GetParameters().Select(p => p.ParameterType));
        }
        foreach (var c in type.GetConstructors(Declared))
            direct.AddRange(c.GetParameters().Select(p => p.ParameterType));
        return direct.SelectMany(Unwrap).Distinct();
    }

    // A List<SourceEncoding>, a SourceEncoding[] or a ref parameter names the type inside it.
    private static IEnumerable<Type> Unwrap(Type t)
    {
        if (t.HasElementType && t.GetElementType() is { } element)
            return Unwrap(element);
        if (t.IsGenericType && !t.IsGenericTypeDefinition)
            return new[] { t.GetGenericTypeDefinition() }.Concat(t.GetGenericArguments().SelectMany(Unwrap));
        return [t];
    }

    // "using LogCorrelator.Ingest", "LogCorrelator.Ingest.X" or a relative "Ingest.Formats.X" in code.
    [GeneratedRegex(@"\b(?:LogCorrelator\.)?Ingest\.[A-Z]|using\s+LogCorrelator\.Ingest\b")]
    private static partial Regex IngestName();
}
