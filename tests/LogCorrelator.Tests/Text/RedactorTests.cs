using LogCorrelator.Text;

namespace LogCorrelator.Tests.Text;

public sealed class RedactorTests
{
    public static TheoryData<string> Corpus => SecretCorpus.Theory();

    [Fact]
    public void The_corpus_holds_sixty_forms_each_with_its_own_marker()
    {
        Assert.Equal(60, SecretCorpus.Lines.Count);
        Assert.Equal(60, SecretCorpus.Lines.Select(SecretCorpus.Marker).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void No_form_of_the_corpus_keeps_its_secret(string line)
    {
        string redacted = Redactor.Redact(line);

        Assert.Empty(SecretCorpus.Leaks(redacted));
        Assert.Contains(Redactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Server=db;User Id=app;Password=S3cr3t!;Encrypt=True", "Server=db;User Id=app;Password=*****;Encrypt=True")]
    [InlineData("DRIVER={ODBC Driver 17 for SQL Server};UID=sa;PWD={p;w};", "DRIVER={ODBC Driver 17 for SQL Server};UID=sa;PWD=*****;")]
    [InlineData("password = 'a b c' and more", "password = ***** and more")]
    [InlineData("Server=db01;Password=Spaced Secret Phrase;Encrypt=True", "Server=db01;Password=*****;Encrypt=True")]
    [InlineData("Server=db01;Password=\"a \"\"b\"\" c\";Pooling=true", "Server=db01;Password=*****;Pooling=true")]
    [InlineData("{\"user\":\"app\",\"password\":\"hunter2 x\",\"server\":\"db01\"}", "{\"user\":\"app\",\"password\":\"*****\",\"server\":\"db01\"}")]
    [InlineData("cfg {\\\"password\\\":\\\"hunter2\\\",\\\"server\\\":\\\"db01\\\"}", "cfg {\\\"password\\\":\\\"*****\\\",\\\"server\\\":\\\"db01\\\"}")]
    [InlineData("  password: hunter2 spaced", "  password: *****")]
    [InlineData("connecting to mssql://sa:hunter2@db01:1433/Orders", "connecting to mssql://sa:*****@db01:1433/Orders")]
    [InlineData("redis://:hunter2@cache01:6379", "redis://:*****@cache01:6379")]
    [InlineData("Server=db01;AccessToken=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln;Encrypt=True", "Server=db01;AccessToken=*****;Encrypt=True")]
    [InlineData("Authorization: Bearer abcdef.ghijkl", "Authorization: *****")]
    [InlineData("retrying with Bearer abcdefghij now", "retrying with Bearer ***** now")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl expired", "jwt ***** expired")]
    [InlineData("AccountName=acct;AccountKey=abc+/==;EndpointSuffix=core.windows.net", "AccountName=acct;AccountKey=*****;EndpointSuffix=core.windows.net")]
    [InlineData("blob?sv=2022-11-02&sr=b&sig=abc%3D&se=2024", "blob?sv=2022-11-02&sr=b&sig=*****&se=2024")]
    [InlineData("sqlcmd -S db01 -U sa -P hunter2 -Q \"SELECT 1\"", "sqlcmd -S db01 -U sa -P ***** -Q \"SELECT 1\"")]
    [InlineData("<add key=\"DbPassword\" value=\"hunter2\"/>", "<add key=\"DbPassword\" value=*****/>")]
    [InlineData("no secrets here", "no secrets here")]
    public void Each_shape_masks_its_value_and_keeps_what_surrounds_it(string text, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(text));
    }

    [Theory]
    [InlineData("Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 10.0.0.5]")]
    [InlineData("Login failed for user 'app'. Reason: Token-based server access validation failed with an infrastructure error.")]
    [InlineData("A connection was successfully established with the server, but then an error occurred during the pre-login handshake.")]
    [InlineData("System.Collections.Generic.KeyNotFoundException: The given key was not present in the dictionary.")]
    [InlineData("at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection)")]
    [InlineData("TCP keepalive: 7200 s; the peer is gone")]
    public void Text_that_only_mentions_a_secret_word_is_left_alone(string text)
    {
        Assert.Equal(text, Redactor.Redact(text));
    }

    [Fact]
    public void A_clef_property_named_beside_a_secret_key_in_the_template_is_masked_in_the_line_and_in_the_rendered_message()
    {
        string line = """{"@t":"2024-03-05T11:00:00Z","@mt":"Connecting with Password={Pw} as {User}","@m":"Connecting with Password=hunter2 spaced as \"app\"","Pw":"hunter2 spaced","User":"app"}""";

        Assert.Equal("""{"@t":"2024-03-05T11:00:00Z","@mt":"Connecting with Password=***** as {User}","@m":"Connecting with Password=***** as \"app\"","Pw":"*****","User":"app"}""",
            Redactor.Redact(line));
    }

    [Theory]
    [InlineData("Password={Pw}", true)]
    [InlineData("using token {Token} for {Host}", true)]
    [InlineData("connecting with {DbPassword}", true)]
    [InlineData("HTTP {Method} {Path} responded {StatusCode}", false)]
    [InlineData("cache {Key} missing", false)]
    public void A_template_names_a_secret_when_a_secret_key_stands_before_a_placeholder_or_the_placeholder_is_one(string template, bool secret)
    {
        Assert.Equal(secret, ClefTemplateSecrets.HasSecretPlaceholder(template));
    }
}
