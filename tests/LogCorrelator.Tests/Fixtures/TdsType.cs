namespace LogCorrelator.Tests.Fixtures;

/// <summary>The column types <see cref="TdsTokens.ResultSet"/> writes.</summary>
internal enum TdsType
{
    Int,
    BigInt,
    NVarChar,
    DateTime,
}
