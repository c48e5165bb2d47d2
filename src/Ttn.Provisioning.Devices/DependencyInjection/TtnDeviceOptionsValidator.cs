using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.Devices;

/// <summary>Checks <see cref="TtnDeviceOptions"/> when the host starts. Messages name the setting and the problem.</summary>
internal sealed class TtnDeviceOptionsValidator : IValidateOptions<TtnDeviceOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TtnDeviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.MaxDevicesPerTenant is < 0)
        {
            failures.Add("TtnDeviceOptions.MaxDevicesPerTenant must not be negative (null: no limit).");
        }

        if (options.GatewayOnlineWithin <= TimeSpan.Zero)
        {
            failures.Add("TtnDeviceOptions.GatewayOnlineWithin must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
