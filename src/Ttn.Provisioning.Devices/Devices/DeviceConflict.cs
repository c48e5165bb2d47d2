namespace Ttn.Provisioning.Devices;

/// <summary>
/// Who holds what a device needs: the device id in the tenant's application, or the DevEUI/JoinEUI pair anywhere in
/// the deployment, as far as The Things Stack reveals it (its error attributes name the other application and device).
/// </summary>
public sealed class DeviceConflict
{
    /// <param name="registry">The registry that refused the device.</param>
    /// <param name="applicationId">The application holding the other device, when revealed.</param>
    /// <param name="deviceId">The other device's id, when revealed.</param>
    /// <param name="message">What the conflict is, in words.</param>
    internal DeviceConflict(DeviceRegistries registry, string? applicationId, string? deviceId, string message)
    {
        Registry = registry;
        ApplicationId = applicationId;
        DeviceId = deviceId;
        Message = message;
    }

    /// <summary>The registry that refused the device.</summary>
    public DeviceRegistries Registry { get; }

    /// <summary>The application holding the other device, when The Things Stack revealed it.</summary>
    public string? ApplicationId { get; }

    /// <summary>The other device's id, when The Things Stack revealed it.</summary>
    public string? DeviceId { get; }

    /// <summary>What the conflict is, in words.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
