using System.Text;
using LogCorrelator.Ingest;

namespace LogCorrelator.Tests.Ingest;

/// <summary>A file's identity is its XXH64; expected values are the reference implementation's (<c>xxhsum -H1</c>).</summary>
public sealed class HashingStreamTests
{
    [Theory]
    [InlineData("", "ef46db3751d8e999")]
    [InlineData("abc", "44bc2cf5ad770999")]
    [InlineData("The quick brown fox jumps over the lazy dog", "0b242d361fda71bc")]
    public void A_stream_read_in_part_hashes_as_the_reference_does_over_all_of_it(string text, string expected)
    {
        using var stream = new HashingStream(new MemoryStream(Encoding.ASCII.GetBytes(text)));
        var first = new byte[2];
        _ = stream.Read(first, 0, first.Length);

        Assert.Equal(expected, stream.Finish());
    }

    [Fact]
    public void A_long_input_read_in_pieces_of_any_size_hashes_as_one_block()
    {
        using var stream = new HashingStream(new MemoryStream(Encoding.ASCII.GetBytes(new string('x', 100_000))));
        var piece = new byte[4099];
        while (stream.Read(piece, 0, 7) > 0)
        {
        }

        Assert.Equal("7c37a271025b345b", stream.Finish());
    }
}
