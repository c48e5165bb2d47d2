using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>Settings of the webhook receiver (<c>MapTtnWebhooks</c>). Validated when the host starts.</summary>
/// <remarks>
/// The secret header's name and the verifier's refresh bound are the provisioning options'
/// (<see cref="TtnProvisioningOptions.WebhookSecretHeader"/>, <see cref="TtnProvisioningOptions.WebhookVerifierRefreshInterval"/>):
/// the receiver checks what the library registered on The Things Stack.
/// </remarks>
public sealed class TtnWebhookOptions
{
    /// <summary>The default <see cref="MaxBodySize"/>: 64 KiB.</summary>
    public const long DefaultMaxBodySize = 64 * 1024;

    /// <summary>
    /// The largest body accepted, in bytes (default 64 KiB; 1 KiB to 16 MiB). A larger one is answered 413 without being
    /// read past the limit. A TTS uplink is 1 to 3 KB; the rest is room for payload formatters' output.
    /// </summary>
    public long MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>How deeply the body's objects and arrays may nest (default 32; 8 to 256); a deeper body is answered 400.</summary>
    public int MaxDepth { get; set; } = TtnMessageParserOptions.DefaultMaxDepth;

    /// <summary>Whether the handler runs within the request (default) or on background workers.</summary>
    public TtnWebhookDispatch Dispatch { get; set; } = TtnWebhookDispatch.Inline;

    /// <summary>
    /// Background mode: how many accepted messages may wait for a worker (default 1,000; 1 to 1,000,000). When it is full,
    /// deliveries are answered 503 (a failed delivery for The Things Stack) instead of holding the request open.
    /// </summary>
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>Background mode: how many messages are handled at once (default 1; 1 to 256).</summary>
    public int MaxConcurrentHandlers { get; set; } = 1;

    /// <summary>
    /// Background mode: how long, once the host stops, queued messages are still handled (default 10 seconds; zero to
    /// 5 minutes). Handlers then see their token cancelled, and the messages still queued are dropped and counted in a log
    /// line. Keep it below the host's <c>HostOptions.ShutdownTimeout</c> (30 seconds by default).
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// When set, a message already accepted within the window (the same device and frame, or the same correlation ids) is
    /// answered 200 without reaching the handler again (<see cref="TtnMessageDeduplicator"/>; per process). Null (default):
    /// every authentic message reaches the handler.
    /// </summary>
    public TtnMessageDeduplicatorOptions? Deduplication { get; set; }
}
