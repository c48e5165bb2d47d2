namespace Ttn.Provisioning.Devices;

/// <summary>
/// Settings of the device and gateway services. Set with <c>AddDevices(o =&gt; ...)</c> or
/// <c>services.Configure&lt;TtnDeviceOptions&gt;</c>, or bound from <c>Ttn:Devices</c> by
/// <c>AddTtnProvisioning(configuration.GetSection("Ttn"))</c>. Validated when the host starts.
/// </summary>
public sealed class TtnDeviceOptions
{
    /// <summary>
    /// The most end devices a tenant's application may hold; registering or importing more is refused before any device
    /// is written (the count is read from The Things Stack). Null (the default): no limit.
    /// </summary>
    public int? MaxDevicesPerTenant { get; set; }

    /// <summary>
    /// How recent a gateway's last status message (or, without one, its connection) must be for the gateway to count as
    /// online. Defaults to 5 minutes (gateways report their status every 30 seconds to a few minutes).
    /// </summary>
    public TimeSpan GatewayOnlineWithin { get; set; } = TimeSpan.FromMinutes(5);
}
