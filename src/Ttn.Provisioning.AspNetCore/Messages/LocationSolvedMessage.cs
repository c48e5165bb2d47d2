using System.Collections.ObjectModel;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>A location service solved the device's position (<c>location_solved</c>).</summary>
public sealed record LocationSolvedMessage : TtnMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.LocationSolved;

    /// <summary>The service that solved it, such as <c>lora-cloud-geolocation-v3</c>, or null.</summary>
    public string? Service { get; init; }

    /// <summary>The solved position, or null when the body had none.</summary>
    public Location? Location { get; init; }

    /// <summary>The service's extra attributes; empty when none.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = ReadOnlyDictionary<string, string>.Empty;
}
