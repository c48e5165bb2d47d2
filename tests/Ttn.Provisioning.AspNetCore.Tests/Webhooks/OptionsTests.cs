using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.AspNetCore.Messages;
using Ttn.Provisioning.AspNetCore.Webhooks;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>The receiver's options are validated (and the host would not start with invalid ones).</summary>
public sealed class OptionsTests
{
    public static TheoryData<string, Action<TtnWebhookOptions>> Invalid => new()
    {
        { "MaxBodySize", o => o.MaxBodySize = 100 },
        { "MaxDepth", o => o.MaxDepth = 4 },
        { "Dispatch", o => o.Dispatch = (TtnWebhookDispatch)7 },
        { "QueueCapacity", o => o.QueueCapacity = 0 },
        { "MaxConcurrentHandlers", o => o.MaxConcurrentHandlers = 0 },
        { "DrainTimeout", o => o.DrainTimeout = TimeSpan.FromMinutes(6) },
        { "Deduplication", o => o.Deduplication = new TtnMessageDeduplicatorOptions { Window = TimeSpan.Zero } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_options_are_refused_with_the_setting_named(string setting, Action<TtnWebhookOptions> configure)
    {
        using var provider = new ServiceCollection().AddTtnWebhooks(configure).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TtnWebhookOptions>>().Value);

        Assert.Contains($"TtnWebhookOptions.{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var provider = new ServiceCollection().AddTtnWebhooks().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TtnWebhookOptions>>().Value;

        Assert.Equal(64 * 1024, options.MaxBodySize);
        Assert.Equal(TtnWebhookDispatch.Inline, options.Dispatch);
        Assert.Null(options.Deduplication);
    }
}
