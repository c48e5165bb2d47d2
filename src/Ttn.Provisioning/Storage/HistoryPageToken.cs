using System.Globalization;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// The page token of a store that numbers history entries in the order they were appended: the number of the last entry
/// returned, as text. Opaque to callers; a value a store did not give is an <see cref="ArgumentException"/>.
/// </summary>
internal static class HistoryPageToken
{
    /// <summary>The token of the page after the entry numbered <paramref name="lastSequence"/>.</summary>
    /// <param name="lastSequence">The number of the last (oldest) entry of the page returned.</param>
    /// <returns>The token.</returns>
    public static string From(long lastSequence) => lastSequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a token; null (the first page) reads as <see cref="long.MaxValue"/>, so every entry is older.</summary>
    /// <param name="pageToken">The token, or null.</param>
    /// <returns>The entries to return are those numbered below this.</returns>
    /// <exception cref="ArgumentException">The token is not one a store gave.</exception>
    public static long Parse(string? pageToken)
    {
        if (pageToken is null)
        {
            return long.MaxValue;
        }

        return long.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0
            ? sequence
            : throw new ArgumentException("The page token was not given by this store.", nameof(pageToken));
    }
}
