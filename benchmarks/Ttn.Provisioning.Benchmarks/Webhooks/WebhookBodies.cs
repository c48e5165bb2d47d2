using System.Text.Json;

namespace Ttn.Provisioning.Benchmarks.Webhooks;

/// <summary>The parser tests' bodies, embedded in this assembly, written compactly as TTS sends them.</summary>
internal static class WebhookBodies
{
    public static byte[] Compact(string name)
    {
        using var stream = typeof(WebhookBodies).Assembly.GetManifestResourceStream($"Webhooks.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        using var document = JsonDocument.Parse(stream);
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            document.WriteTo(writer);
        }

        return output.ToArray();
    }
}
