using System.Security.Cryptography;
using System.Text;

namespace LogCorrelator.Store;

/// <summary>
/// The key pseudonyms are made with: <c>LOGCORR_ANONYMIZE_KEY</c> when set (share it to get the same
/// pseudonyms on two machines), else 32 random bytes in a file created once beside the store
/// (<c>&lt;store&gt;.anonymize-key</c>, 0600), so reports of one store agree run after run.
/// </summary>
public static class AnonymizeKey
{
    public const string Variable = "LOGCORR_ANONYMIZE_KEY";

    public static string FileFor(string storePath) => storePath + ".anonymize-key";

    public static byte[] For(string storePath)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
            return Encoding.UTF8.GetBytes(given);
        string path = FileFor(storePath);
        if (File.Exists(path))
            return File.ReadAllBytes(path);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = PrivateFiles.Create(path, FileMode.CreateNew);
            file.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another run created it first: its key is the one.
            return File.ReadAllBytes(path);
        }
    }
}
