using System.Diagnostics;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>
/// The API key The Things Stack sends with a webhook delivery for scheduling downlinks (<c>X-Downlink-Apikey</c>): a
/// secret. <see cref="ToString"/> and the debugger show at most its last four characters; it has no property that holds
/// it, so serializing a context does not write it. <see cref="Reveal"/> gives it to the code that sends the downlink.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class TtnDownlinkApiKey
{
    private readonly string _value;

    /// <summary>Wraps a downlink API key.</summary>
    /// <param name="value">The key.</param>
    /// <exception cref="ArgumentException">The key is null or empty.</exception>
    public TtnDownlinkApiKey(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>
    /// The last four characters, or null when the key is shorter than
    /// 8 characters (four would give too much away).
    /// </summary>
    public string? LastFour => SafeDecrypt.GetLastFour(_value);

    /// <summary>The key itself, for the <c>Authorization: Bearer</c> header of a downlink request. Never log it.</summary>
    public string Reveal() => _value;

    /// <summary>At most the last four characters of the key.</summary>
    public override string ToString() => LastFour is { } lastFour ? $"TtnDownlinkApiKey(…{lastFour})" : "TtnDownlinkApiKey(****)";
}
