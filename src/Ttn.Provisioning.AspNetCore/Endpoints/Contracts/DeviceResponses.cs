using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>A device as the Identity Server shows it. Never a key (root keys are never read back).</summary>
internal sealed record DeviceView(
    string DeviceId,
    string ApplicationId,
    string? DevEui,
    string? JoinEui,
    string? Name,
    string? Description,
    IReadOnlyDictionary<string, string>? Attributes,
    VersionIdsView? VersionIds,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    public static DeviceView From(EndDeviceInfo device) => new(
        device.DeviceId, device.ApplicationId, device.DevEui, device.JoinEui, device.Name, device.Description,
        device.Attributes, VersionIdsView.From(device.VersionIds), device.CreatedAt, device.UpdatedAt);
}

/// <summary>A device whose registration or removal has not finished (register, repair or remove it again to finish).</summary>
internal sealed record UnfinishedDeviceView(
    string DeviceId, string? DevEui, string? JoinEui, string Work, IReadOnlyList<string> Holds, bool NeedsCleanup, string? Reason)
{
    public static UnfinishedDeviceView? From(UnfinishedDevice? device) => device is null ? null : new(
        device.DeviceId, device.DevEui, device.JoinEui, device.Work.ToString(), Registries.Of(device.Holds), device.NeedsCleanup,
        device.Reason);
}

/// <summary>The answer of <c>GET …/devices</c>: one page, the total when TTS said it, and the next page when there is one.</summary>
internal sealed class DeviceListResponse : OperationResponse
{
    private DeviceListResponse(DeviceListResult result)
        : base(result)
    {
        Devices = result.Devices.Select(DeviceView.From).ToArray();
        Page = result.Page;
        Limit = result.PageSize;
        TotalCount = result.TotalCount;
        var more = result.TotalCount is { } total ? (long)result.Page * result.PageSize < total : result.Devices.Count == result.PageSize;
        NextPage = more && result.Devices.Count > 0 ? result.Page + 1 : null;
        Unfinished = result.Unfinished.Select(u => UnfinishedDeviceView.From(u)!).ToArray();
    }

    public IReadOnlyList<DeviceView> Devices { get; }

    public int Page { get; }

    public int Limit { get; }

    public long? TotalCount { get; }

    /// <summary>The page to ask for next (<c>?page=</c>), or null on the last page.</summary>
    public int? NextPage { get; }

    public IReadOnlyList<UnfinishedDeviceView> Unfinished { get; }

    public static DeviceListResponse From(DeviceListResult result) => new(result);
}

/// <summary>The answer of <c>GET …/devices/{deviceId}</c>.</summary>
internal sealed class DeviceResponse : OperationResponse
{
    private DeviceResponse(DeviceReadResult result)
        : base(result)
    {
        Device = result.Device is { } device ? DeviceView.From(device) : null;
    }

    public DeviceView? Device { get; }

    public static DeviceResponse From(DeviceReadResult result) => new(result);
}

/// <summary>
/// The answer of <c>POST …/devices</c>: what happened to the device (<c>Registered</c>, <c>AlreadyPresent</c>, <c>Conflict</c>,
/// <c>RolledBack</c>, <c>Failed</c>), the registries created, rolled back and not rolled back, and who holds a conflict. Never a key.
/// </summary>
internal sealed class DeviceRegistrationResponse : OperationResponse
{
    private DeviceRegistrationResponse(DeviceRegistrationResult result)
        : base(result)
    {
        DeviceId = result.DeviceId;
        Status = result.Status?.ToString();
        Created = Registries.Of(result.Created);
        RolledBack = Registries.Of(result.RolledBack);
        NotRolledBack = Registries.Of(result.NotRolledBack);
        NeedsCleanup = result.NeedsCleanup;
        Conflict = result.Conflict is { } conflict ? DeviceConflictView.From(conflict) : null;
    }

    public string? DeviceId { get; }

    public string? Status { get; }

    public IReadOnlyList<string> Created { get; }

    public IReadOnlyList<string> RolledBack { get; }

    public IReadOnlyList<string> NotRolledBack { get; }

    public bool NeedsCleanup { get; }

    public DeviceConflictView? Conflict { get; }

    public static DeviceRegistrationResponse From(DeviceRegistrationResult result) => new(result);
}

/// <summary>Who holds the device id or the EUI pair, as far as The Things Stack revealed it.</summary>
internal sealed record DeviceConflictView(string Registry, string? ApplicationId, string? DeviceId, string Message)
{
    public static DeviceConflictView From(DeviceConflict conflict) =>
        new(conflict.Registry.ToString(), conflict.ApplicationId, conflict.DeviceId, conflict.Message);
}

/// <summary>The answer of <c>GET …/devices/{deviceId}/diagnosis</c>: which registries hold the device, read together.</summary>
internal sealed class DeviceDiagnosisResponse : OperationResponse
{
    private DeviceDiagnosisResponse(DeviceDiagnosisResult result)
        : base(result)
    {
        DeviceId = result.DeviceId;
        HeldBy = Registries.Of(result.HeldBy);
        Missing = Registries.Of(result.Missing);
        Unknown = Registries.Of(result.Unknown);
        IsComplete = result.IsComplete;
        IsSplitBrain = result.IsSplitBrain;
        DevEui = result.DevEui;
        JoinEui = result.JoinEui;
        Unfinished = UnfinishedDeviceView.From(result.Unfinished);
    }

    public string? DeviceId { get; }

    public IReadOnlyList<string> HeldBy { get; }

    public IReadOnlyList<string> Missing { get; }

    public IReadOnlyList<string> Unknown { get; }

    public bool IsComplete { get; }

    /// <summary>Held by some registries and not by others: repair it (complete or remove).</summary>
    public bool IsSplitBrain { get; }

    public string? DevEui { get; }

    public string? JoinEui { get; }

    public UnfinishedDeviceView? Unfinished { get; }

    public static DeviceDiagnosisResponse From(DeviceDiagnosisResult result) => new(result);
}

/// <summary>The answer of <c>POST …/devices/{deviceId}/repair</c>: what the repair did, and the registries before and after.</summary>
internal sealed class DeviceRepairResponse : OperationResponse
{
    private DeviceRepairResponse(DeviceRepairResult result)
        : base(result)
    {
        DeviceId = result.DeviceId;
        Action = result.Action.ToString();
        Before = Registries.Of(result.Before);
        After = Registries.Of(result.After);
    }

    public string? DeviceId { get; }

    public string Action { get; }

    public IReadOnlyList<string> Before { get; }

    public IReadOnlyList<string> After { get; }

    public static DeviceRepairResponse From(DeviceRepairResult result) => new(result);
}

/// <summary>The answer of <c>DELETE …/devices/{deviceId}</c>: where the device was removed from, and whether its EUIs are free.</summary>
internal sealed class DeviceRemovalResponse : OperationResponse
{
    private DeviceRemovalResponse(DeviceRemovalResult result)
        : base(result)
    {
        DeviceId = result.DeviceId;
        Removed = Registries.Of(result.Removed);
        AlreadyGone = Registries.Of(result.AlreadyGone);
        Remaining = Registries.Of(result.Remaining);
        EuisReleased = result.EuisReleased;
    }

    public string? DeviceId { get; }

    public IReadOnlyList<string> Removed { get; }

    public IReadOnlyList<string> AlreadyGone { get; }

    public IReadOnlyList<string> Remaining { get; }

    /// <summary>Whether a search by the EUIs found nothing afterwards; null when it was not searched.</summary>
    public bool? EuisReleased { get; }

    public static DeviceRemovalResponse From(DeviceRemovalResult result) => new(result);
}

/// <summary>A set of registries as a list of names (<c>IdentityServer</c>, <c>JoinServer</c>, …), in registration order.</summary>
internal static class Registries
{
    private static readonly DeviceRegistries[] Each =
    [
        DeviceRegistries.IdentityServer, DeviceRegistries.JoinServer, DeviceRegistries.NetworkServer, DeviceRegistries.ApplicationServer,
    ];

    public static IReadOnlyList<string> Of(DeviceRegistries registries) =>
        Each.Where(r => registries.HasFlag(r)).Select(r => r.ToString()).ToArray();
}
