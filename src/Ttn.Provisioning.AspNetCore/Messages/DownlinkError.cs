namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>TTS's error for a failed downlink (<c>downlink_failed.error</c>).</summary>
public sealed record DownlinkError
{
    /// <summary>The error's namespace, such as <c>pkg/networkserver</c>, or null.</summary>
    public string? Namespace { get; init; }

    /// <summary>The error's name, such as <c>application_downlink_too_long</c>, or null.</summary>
    public string? Name { get; init; }

    /// <summary>TTS's message format for the error (English, with placeholders), or null.</summary>
    public string? MessageFormat { get; init; }

    /// <summary>TTS's correlation id of the error, or null.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The gRPC status code.</summary>
    public int Code { get; init; }
}
