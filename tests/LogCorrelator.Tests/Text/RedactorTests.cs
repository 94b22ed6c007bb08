using LogCorrelator.Text;

namespace LogCorrelator.Tests.Text;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("Server=db;User Id=app;Password=S3cr3t!;Encrypt=True", "Server=db;User Id=app;Password=*****;Encrypt=True")]
    [InlineData("DRIVER={ODBC Driver 17 for SQL Server};UID=sa;PWD={p;w};", "DRIVER={ODBC Driver 17 for SQL Server};UID=sa;PWD=*****;")]
    [InlineData("password = 'a b c' and more", "password = ***** and more")]
    [InlineData("no secrets here", "no secrets here")]
    public void Passwords_in_connection_strings_are_masked(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }
}
