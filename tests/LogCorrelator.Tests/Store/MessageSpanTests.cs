using LogCorrelator.Store;

namespace LogCorrelator.Tests.Store;

public sealed class MessageSpanTests
{
    [Fact]
    public void A_message_running_to_the_line_end_packs_into_two_bytes_worth()
    {
        // An ERRORLOG entry of 374 bytes: 70 bytes of stamp and process, a 300-byte message, CRLF in UTF-16 (4 bytes).
        long packed = MessageSpan.Encode(374, 70, 300);

        Assert.Equal(70 + 4 * 4096, packed);
        Assert.Equal((70, 300), MessageSpan.Decode(packed, 374));
    }

    [Theory]
    [InlineData(9000, 5000, 120)]     // the message starts past the first 4 KiB (deep in a stack trace)
    [InlineData(100, 40, 90)]         // longer than the entry: kept as given, not "corrected"
    [InlineData(0, 0, 0)]
    public void Anything_else_is_kept_exactly(int entry, int offset, int length)
    {
        long packed = MessageSpan.Encode(entry, offset, length);

        Assert.Equal((offset, length), MessageSpan.Decode(packed, entry));
    }

    [Fact]
    public void The_exact_form_is_negative_so_the_two_never_collide()
    {
        Assert.True(MessageSpan.Encode(9000, 5000, 120) < 0);
        Assert.True(MessageSpan.Encode(100, 99, 1) >= 0);
    }
}
