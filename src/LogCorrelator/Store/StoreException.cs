namespace LogCorrelator.Store;

/// <summary>
/// The store cannot be used as it is: busy with an ingest, made by another version, or damaged. The
/// message is one line that says what to do.
/// </summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
