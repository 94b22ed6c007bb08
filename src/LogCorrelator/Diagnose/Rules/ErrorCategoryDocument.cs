namespace LogCorrelator.Diagnose.Rules;

/// <summary>grammars/error-categories.yaml as YAML spells it; <see cref="ErrorCategoryTable"/> checks it.</summary>
internal sealed class ErrorCategoryDocument
{
    public string? NoCode { get; set; }
    public string? OtherWhy { get; set; }
    public List<CategoryDocument>? Categories { get; set; }

    internal sealed class CategoryDocument
    {
        public string? Name { get; set; }
        public bool? Network { get; set; }
        public string? Why { get; set; }
        public List<CodeDocument>? Codes { get; set; }
    }

    internal sealed class CodeDocument
    {
        public string? Code { get; set; }
        public string? What { get; set; }
        public string? Source { get; set; }
        public string? Why { get; set; }
    }
}
