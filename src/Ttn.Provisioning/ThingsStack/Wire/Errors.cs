using System.Text.Json;

namespace Ttn.Provisioning.ThingsStack;

// The error body of every failed request.
// Only the fields the library uses are modelled; unknown fields in answers are ignored, null fields left out of requests.

/// <summary>The TTS error body, a <c>google.rpc.Status</c>.</summary>
internal sealed record ErrorStatus(int? Code, string? Message, IReadOnlyList<ErrorDetails>? Details);

/// <summary><c>ErrorDetails</c> (<c>v3ErrorDetails</c>), recursive through <see cref="Cause"/>.</summary>
internal sealed record ErrorDetails
{
    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public string? MessageFormat { get; init; }

    public IReadOnlyDictionary<string, JsonElement>? Attributes { get; init; }

    public string? CorrelationId { get; init; }

    public ErrorDetails? Cause { get; init; }

    public int? Code { get; init; }
}
