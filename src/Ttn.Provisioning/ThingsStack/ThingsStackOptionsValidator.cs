using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>Checks <see cref="ThingsStackOptions"/> when they are first used (or at host start).</summary>
internal sealed class ThingsStackOptionsValidator : IValidateOptions<ThingsStackOptions>
{
    private static readonly TimeSpan _minTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan _maxTimeout = TimeSpan.FromHours(24);

    public ValidateOptionsResult Validate(string? name, ThingsStackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.IdentityServerUri is null)
        {
            failures.Add("ThingsStackOptions.IdentityServerUri is required.");
        }
        else
        {
            CheckUri(options.IdentityServerUri, nameof(ThingsStackOptions.IdentityServerUri), failures);
        }

        _ = ThingsStackClusters.TryFrom(options, failures);

        CheckTimeout(options.AttemptTimeout, nameof(ThingsStackOptions.AttemptTimeout), failures);
        CheckTimeout(options.TotalTimeout, nameof(ThingsStackOptions.TotalTimeout), failures);
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add("ThingsStackOptions.AttemptTimeout must not exceed TotalTimeout.");
        }

        if (options.MaxRetryAttempts is < 0 or > 20)
        {
            failures.Add("ThingsStackOptions.MaxRetryAttempts must be between 0 and 20.");
        }

        if (options.BaseRetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.BaseRetryDelay)
        {
            failures.Add("ThingsStackOptions.BaseRetryDelay must be zero or more and not exceed MaxRetryDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUri(Uri uri, string property, List<string> failures)
    {
        if (!ThingsStackEndpoints.TryValidateBaseUri(uri, out var reason))
        {
            failures.Add($"ThingsStackOptions.{property}: {reason}");
        }
    }

    private static void CheckTimeout(TimeSpan value, string property, List<string> failures)
    {
        if (value < _minTimeout || value > _maxTimeout)
        {
            failures.Add($"ThingsStackOptions.{property} must be between 10 ms and 24 h.");
        }
    }
}
