using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.AspNetCore.HealthChecks;

/// <summary>
/// Asks The Things Stack about the admin API key (<c>GET /auth_info</c>) and judges the answer as the preflight step does;
/// keeps the answer for a while so that probes do not become TTS traffic. Concurrent probes share one request.
/// </summary>
internal sealed class ThingsStackProbe(
    IThingsStackClient client,
    IAdminApiKeyProvider adminKeys,
    IOptions<TtnProvisioningOptions> options,
    TimeProvider time,
    ILogger<ThingsStackProbe>? logger = null)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger = logger ?? NullLogger<ThingsStackProbe>.Instance;
    private Answer? _last;

    /// <summary>Whether the key can provision, and why not.</summary>
    /// <param name="IsHealthy">Whether TTS answered and the key can provision.</param>
    /// <param name="Description">What was found, in words; never a key.</param>
    /// <param name="At">When TTS was asked.</param>
    public sealed record Answer(bool IsHealthy, string Description, DateTimeOffset At);

    public async Task<Answer> CheckAsync(TimeSpan cacheFor, CancellationToken cancellationToken)
    {
        if (Fresh(cacheFor) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(cacheFor) is { } answered)
            {
                return answered;
            }

            var answer = await ProbeAsync(cancellationToken).ConfigureAwait(false);
            _last = answer;
            return answer;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Answer? Fresh(TimeSpan cacheFor) =>
        _last is { } last && time.GetUtcNow() - last.At < cacheFor ? last : null;

    private async Task<Answer> ProbeAsync(CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var key = await adminKeys.GetAdminApiKeyAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(key))
        {
            return new Answer(false, "No admin API key is available (TtnProvisioningOptions.AdminApiKey or the IAdminApiKeyProvider).", at);
        }

        AuthInfo auth;
        try
        {
            auth = await client.GetAuthInfoAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TtsFailure.From("Checking the admin API key", exception, cancellationToken) is { } failure)
        {
            // The failure's words are the library's (status and TTS error name), never TTS's body or the key.
            Log.ThingsStackUnhealthy(_logger, failure.Message);
            return new Answer(false, failure.Message, at);
        }

        if (AdminKeyRequirements.Check(auth, options.Value, out var userId) is { } problem)
        {
            Log.ThingsStackUnhealthy(_logger, problem);
            return new Answer(false, problem, at);
        }

        var admin = auth.IsAdmin ? " (an administrator)" : string.Empty;
        var words = $"The Things Stack answered; the admin API key belongs to user {userId}{admin} and holds the rights provisioning "
            + "needs.";
        return new Answer(true, words, at);
    }
}
