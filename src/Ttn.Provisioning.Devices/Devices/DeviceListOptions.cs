namespace Ttn.Provisioning.Devices;

/// <summary>Which page of the tenant's devices <see cref="IDeviceService.ListDevicesAsync"/> reads, and which fields.</summary>
public sealed class DeviceListOptions
{
    /// <summary>The page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Devices per page, 1 to 1000 (default 100).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>
    /// The Identity Server fields to read besides ids and timestamps: <c>name</c>, <c>description</c>, <c>attributes</c>,
    /// <c>version_ids</c> (null: those four).
    /// </summary>
    public IReadOnlyCollection<string>? FieldMask { get; init; }
}
