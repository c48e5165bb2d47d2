using Microsoft.AspNetCore.Mvc;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.WebSample.Panel;

namespace Ttn.Provisioning.WebSample.Pages;

/// <summary>
/// Devices and gateways of a Ready tenant (issue 12): list, register, CSV import, diagnose and remove devices; list,
/// register and remove gateways. Each calls the library's device or gateway service with the signed-in caller.
/// </summary>
public sealed partial class IndexModel
{
    /// <summary>The frequency plans offered (TTN Cloud's common ones; the default first).</summary>
    public static readonly IReadOnlyList<string> FrequencyPlans =
        ["EU_863_870_TTN", "US_902_928_FSB_2", "AU_915_928_FSB_2", "AS_923", "KR_920_923_TTN", "IN_865_867"];

    private const string MacVersion = "MAC_V1_0_3";
    private const string PhyVersion = "RP001_V1_0_3_REV_A";

    /// <summary>How many devices a page of the list shows.</summary>
    public const int DevicesPerPage = 25;

    /// <summary>The page of the tenant's devices (when the tenant is Ready and the role may read them).</summary>
    public DeviceListResult? Devices { get; private set; }

    /// <summary>The page of the device list to show, from 1 (query <c>devicePage</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public int DevicePage { get; set; } = 1;

    /// <summary>The status of the tenant's gateways (when the tenant is Ready and the role may read them).</summary>
    public GatewayStatusResult? Gateways { get; private set; }

    /// <summary>The CSV import just run.</summary>
    public DeviceImportView? Import { get; private set; }

    /// <summary>The diagnosis just made.</summary>
    public DeviceDiagnosisResult? Diagnosis { get; private set; }

    /// <summary>Whether the devices and gateways section is shown: the tenant is Ready.</summary>
    public bool ShowsDevices => Status?.State == ProvisioningState.Ready;

    public Task<IActionResult> OnPostRegisterDeviceAsync(
        string? devEui, string? joinEui, string? appKey, string? frequencyPlan, string? name, CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            var device = new EndDeviceDefinition
            {
                DevEui = devEui?.Trim() ?? "",
                JoinEui = joinEui?.Trim() ?? "",
                AppKey = appKey?.Trim(),
                FrequencyPlanId = frequencyPlan,
                LorawanVersion = MacVersion,
                LorawanPhyVersion = PhyVersion,
                Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            };
            var result = await devices.RegisterDeviceAsync(caller, device, cancellationToken);
            var line = $"Device {result.DeviceId ?? "-"}: {result.Status?.ToString() ?? "not tried"}";
            return ActionReport.Of("Register device", result, [line,
                .. result.Conflict is { } conflict ? [conflict.Message] : Array.Empty<string>()]);
        }, cancellationToken);

    public Task<IActionResult> OnPostImportDevicesAsync(
        IFormFile? file, bool dryRun, string? frequencyPlan, CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            const string title = "Import devices";
            if (file is null || file.Length is 0 or > CsvImport.MaxBytes)
            {
                return ActionReport.Refused(title, "Choose a The Things Stack CSV file of at most 1 MB.");
            }

            var progress = new LastProgress();
            var options = new DeviceImportOptions
            {
                DryRun = dryRun,
                MaxConcurrency = 2,
                Progress = progress,
                FrequencyPlanId = frequencyPlan,
                LorawanVersion = MacVersion,
                LorawanPhyVersion = PhyVersion,
            };
            await using var csv = file.OpenReadStream();
            var (result, view) = await CsvImport.RunAsync(devices, caller, csv, options, progress, cancellationToken);
            Import = view;
            var why = view.FileErrors.Count > 0 ? string.Join("; ", view.FileErrors) : "No row of the file is valid.";
            return result is null ? ActionReport.Refused(title, why) : ActionReport.Of(title, result, [view.Summary]);
        }, cancellationToken);

    public Task<IActionResult> OnPostDiagnoseDeviceAsync(string? deviceId, CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            Diagnosis = await devices.DiagnoseDeviceAsync(caller, deviceId ?? "", cancellationToken);
            return ActionReport.Of("Diagnose device", Diagnosis, [$"Held by {Diagnosis.HeldBy}, missing from {Diagnosis.Missing}"]);
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveDeviceAsync(string? deviceId, CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            var result = await devices.RemoveDeviceAsync(caller, deviceId ?? "", cancellationToken);
            return ActionReport.Of("Remove device", result, [$"Removed from {result.Removed}, remaining in {result.Remaining}"]);
        }, cancellationToken);

    public Task<IActionResult> OnPostRegisterGatewayAsync(string? eui, string? frequencyPlan, CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            var gateway = new GatewayDefinition
            {
                Eui = eui?.Trim() ?? "",
                FrequencyPlanIds = frequencyPlan is null ? [] : [frequencyPlan],
            };
            var result = await gateways.RegisterGatewayAsync(caller, gateway, cancellationToken);
            return ActionReport.Of("Register gateway", result,
                [$"Gateway {result.GatewayId ?? "-"}: {result.Status?.ToString() ?? "not tried"}", .. result.Warnings,
                 .. result.ConflictMessage is { } conflict ? [conflict] : Array.Empty<string>()]);
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveGatewayAsync(string? gatewayId, CancellationToken cancellationToken) =>
        ActAsync(async caller =>
        {
            var result = await gateways.RemoveGatewayAsync(caller, gatewayId ?? "", cancellationToken);
            var purged = result.Purged ? "purged" : result.IdReserved ? "deleted; its id stays reserved" : "deleted";
            return ActionReport.Of("Remove gateway", result,
                [$"Gateway {result.GatewayId ?? "-"}: {result.Status?.ToString() ?? "not tried"} ({purged})", .. result.Warnings]);
        }, cancellationToken);

    /// <summary>Reads the devices and gateways of a Ready tenant, for the roles that may read them.</summary>
    private async Task LoadDevicesAsync(CancellationToken cancellationToken)
    {
        if (!ShowsDevices)
        {
            return;
        }

        if (May(ProvisioningOperation.ReadDevices))
        {
            var page = new DeviceListOptions { Page = Math.Max(1, DevicePage), PageSize = DevicesPerPage };
            Devices = await devices.ListDevicesAsync(Caller, page, cancellationToken);
        }

        if (May(ProvisioningOperation.ReadGateways))
        {
            Gateways = await gateways.GetGatewayStatusAsync(Caller, cancellationToken: cancellationToken);
        }
    }
}
