using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing;

/// <summary>
/// Webhook deliveries: the Application Server posts every message to the webhooks of the application (in the cluster it
/// runs in) that are not paused and enable the message's kind, one webhook after the other. <c>POST …/up/simulate</c>
/// delivers an uplink and answers only after its deliveries finished, so a test sees their effects (and
/// <see cref="Deliveries"/>) as soon as the call returns; <see cref="DeliverAsync"/> delivers any message kind. Deliveries
/// run outside the fake's state lock, so a receiver may call the fake back. A delivery waits at most 5 seconds on the
/// fake's <see cref="TimeProvider"/> for the receiver's answer.
/// </summary>
public sealed partial class FakeThingsStack
{
    /// <summary>Every delivery made (or not made because the webhook was disabled), in the order they finished.</summary>
    public IReadOnlyList<FakeWebhookDelivery> Deliveries
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Deliveries];
            }
        }
    }

    /// <summary>
    /// Delivers a message as the cluster's Application Server would: to each matching webhook, one after the other, with
    /// the URL, headers and health rules of TTS. Sets <c>end_device_ids</c> (the EUIs and DevAddr from the AS record when it
    /// has one and the message has none), adds an <c>as:up:…</c> correlation ID and sets <c>received_at</c> when absent; the
    /// rest of <paramref name="applicationUp"/> is sent as given (no <c>simulated</c> flag).
    /// </summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="deviceId">The end device.</param>
    /// <param name="applicationUp">
    /// An <c>ApplicationUp</c> with exactly one message, e.g. <c>{"join_accept":{"session_key_id":"AQI="}}</c>; not modified.
    /// </param>
    /// <param name="cluster">The cluster; null without clusters.</param>
    /// <param name="cancellationToken">Cancels the deliveries.</param>
    /// <returns>The deliveries made, one per matching webhook.</returns>
    /// <exception cref="ArgumentException">The message has no message kind, or the cluster is unknown.</exception>
    public async Task<IReadOnlyList<FakeWebhookDelivery>> DeliverAsync(string applicationId, string deviceId, JsonObject applicationUp,
        string? cluster = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(applicationUp);
        var target = _topology.Cluster(cluster);
        var up = (JsonObject)applicationUp.DeepClone();
        lock (_state.Gate)
        {
            _api.CompleteApplicationUp(target, up, applicationId, deviceId, TimeProvider.GetUtcNow(), rpc: null);
        }
        return await _deliverer.DeliverAsync(target, up, cancellationToken).ConfigureAwait(false);
    }
}
