using Microsoft.Extensions.Options;
using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>Checks <see cref="TtnWebhookOptions"/> when the host starts.</summary>
internal sealed class TtnWebhookOptionsValidator : IValidateOptions<TtnWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, TtnWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxBodySize is < 1024 or > 16 * 1024 * 1024)
        {
            failures.Add("TtnWebhookOptions.MaxBodySize must be between 1 KiB and 16 MiB.");
        }

        if (options.MaxDepth is < TtnMessageParserOptions.MinMaxDepth or > TtnMessageParserOptions.MaxMaxDepth)
        {
            failures.Add(
                $"TtnWebhookOptions.MaxDepth must be between {TtnMessageParserOptions.MinMaxDepth} and "
                + $"{TtnMessageParserOptions.MaxMaxDepth}.");
        }

        if (!Enum.IsDefined(options.Dispatch))
        {
            failures.Add("TtnWebhookOptions.Dispatch must be Inline or Background.");
        }

        if (options.QueueCapacity is < 1 or > 1_000_000)
        {
            failures.Add("TtnWebhookOptions.QueueCapacity must be between 1 and 1,000,000.");
        }

        if (options.MaxConcurrentHandlers is < 1 or > 256)
        {
            failures.Add("TtnWebhookOptions.MaxConcurrentHandlers must be between 1 and 256.");
        }

        if (options.DrainTimeout < TimeSpan.Zero || options.DrainTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("TtnWebhookOptions.DrainTimeout must be between zero and five minutes.");
        }

        if (options.Deduplication is { } dedup && (dedup.Window <= TimeSpan.Zero || dedup.Capacity <= 0))
        {
            failures.Add("TtnWebhookOptions.Deduplication needs a positive Window and Capacity.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
