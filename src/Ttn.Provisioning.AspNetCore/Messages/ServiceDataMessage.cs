using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>Data an application package produced (<c>service_data</c>), such as LoRa Cloud's results.</summary>
public sealed record ServiceDataMessage : TtnMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.ServiceData;

    /// <summary>The package that produced it, such as <c>lora-cloud-device-management-v1</c>, or null.</summary>
    public string? Service { get; init; }

    /// <summary>The package's data (a JSON object), or null when absent.</summary>
    public JsonElement? Data { get; init; }
}
