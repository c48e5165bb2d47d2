using Ttn.Provisioning.Devices;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>The public view of an Identity Server device record.</summary>
internal static class DeviceViews
{
    /// <summary>The fields read besides ids and timestamps when the caller names none.</summary>
    public static readonly IReadOnlyCollection<string> DefaultFieldMask = ["name", "description", "attributes", "version_ids"];

    public static EndDeviceInfo ToInfo(EndDevice device, string applicationId)
    {
        var ids = device.Ids;
        return new EndDeviceInfo(ids.DeviceId, ids.ApplicationIds?.ApplicationId ?? applicationId)
        {
            DevEui = ids.DevEui,
            JoinEui = ids.JoinEui,
            Name = device.Name,
            Description = device.Description,
            Attributes = device.Attributes,
            VersionIds = device.VersionIds is { } model
                ? new EndDeviceVersionIds
                {
                    BrandId = model.BrandId,
                    ModelId = model.ModelId,
                    HardwareVersion = model.HardwareVersion,
                    FirmwareVersion = model.FirmwareVersion,
                    BandId = model.BandId,
                }
                : null,
            CreatedAt = device.CreatedAt,
            UpdatedAt = device.UpdatedAt,
        };
    }
}
