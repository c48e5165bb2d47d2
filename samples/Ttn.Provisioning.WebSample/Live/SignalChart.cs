using System.Globalization;

namespace Ttn.Provisioning.WebSample.Live;

/// <summary>
/// The geometry of a small server-rendered SVG chart of a device's RSSI (dBm, left scale) and SNR (dB, right scale) over its
/// kept uplinks: two polylines in a fixed view box, drawn by the page's markup with no script.
/// </summary>
public sealed class SignalChart
{
    public const int Width = 320;
    public const int Height = 120;
    public const float RssiMin = -130, RssiMax = -30, SnrMin = -20, SnrMax = 15;

    private SignalChart(string rssiPoints, string snrPoints, int count, float? lastRssi, float? lastSnr)
    {
        RssiPoints = rssiPoints;
        SnrPoints = snrPoints;
        Count = count;
        LastRssi = lastRssi;
        LastSnr = lastSnr;
    }

    /// <summary>The RSSI polyline's points attribute.</summary>
    public string RssiPoints { get; }

    /// <summary>The SNR polyline's points attribute.</summary>
    public string SnrPoints { get; }

    /// <summary>How many uplinks with gateway metadata are drawn.</summary>
    public int Count { get; }

    public float? LastRssi { get; }

    public float? LastSnr { get; }

    /// <summary>The chart of these uplinks (oldest first); uplinks without gateway metadata are left out.</summary>
    public static SignalChart From(IReadOnlyList<ReceivedUplink> uplinks)
    {
        ArgumentNullException.ThrowIfNull(uplinks);
        var drawn = uplinks.Where(u => u.Rssi is not null && u.Snr is not null).TakeLast(UplinkBook.PerDevice).ToList();
        return new SignalChart(
            Points(drawn.Select(u => u.Rssi!.Value).ToList(), RssiMin, RssiMax),
            Points(drawn.Select(u => u.Snr!.Value).ToList(), SnrMin, SnrMax),
            drawn.Count,
            drawn.LastOrDefault()?.Rssi,
            drawn.LastOrDefault()?.Snr);
    }

    /// <summary>Where a value of a scale sits vertically (for grid lines and labels).</summary>
    public static string Y(float value, float min, float max) =>
        Format(Height - ((Math.Clamp(value, min, max) - min) / (max - min) * Height));

    private static string Points(List<float> values, float min, float max)
    {
        if (values.Count == 0)
        {
            return "";
        }

        // One value still draws: a short flat line.
        var step = values.Count == 1 ? Width : (float)Width / (values.Count - 1);
        var points = values.Count == 1 ? [values[0], values[0]] : values;
        return string.Join(' ', points.Select((v, i) => $"{Format(i * step)},{Y(v, min, max)}"));
    }

    private static string Format(float value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
