using System.Text;
using LogCorrelator.Ingest;

namespace LogCorrelator.Tests.Ingest;

/// <summary>Expected values are the reference implementation's (<c>xxhsum -H1</c>).</summary>
public sealed class Xxh64Tests
{
    [Theory]
    [InlineData("", 0xef46db3751d8e999UL)]
    [InlineData("abc", 0x44bc2cf5ad770999UL)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x0b242d361fda71bcUL)]
    public void Short_inputs_hash_as_the_reference_does(string text, ulong expected)
    {
        var hash = new Xxh64();
        hash.Append(Encoding.ASCII.GetBytes(text));

        Assert.Equal(expected, hash.Digest());
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(4099)]
    public void A_long_input_fed_in_pieces_of_any_size_hashes_as_one_block(int piece)
    {
        var data = Encoding.ASCII.GetBytes(new string('x', 100_000));
        var hash = new Xxh64();
        for (int at = 0; at < data.Length; at += piece)
            hash.Append(data.AsSpan(at, Math.Min(piece, data.Length - at)));

        Assert.Equal(0x7c37a271025b345bUL, hash.Digest());
    }
}
