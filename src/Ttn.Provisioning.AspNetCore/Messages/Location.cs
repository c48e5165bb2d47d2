namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>A position (of a gateway antenna or of the device).</summary>
public sealed record Location
{
    /// <summary>Latitude (degrees, -90 to 90).</summary>
    public double Latitude { get; init; }

    /// <summary>Longitude (degrees, -180 to 180).</summary>
    public double Longitude { get; init; }

    /// <summary>Altitude above mean sea level (meters).</summary>
    public int Altitude { get; init; }

    /// <summary>Accuracy (meters); 0 when unknown.</summary>
    public int Accuracy { get; init; }

    /// <summary>Where the position comes from.</summary>
    public LocationSource Source { get; init; }
}
