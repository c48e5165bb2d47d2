using System.Globalization;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>End device reads and search.</summary>
internal sealed partial class ThingsStackClient
{
    public async Task<EndDevice> GetEndDeviceAsync(
        string cluster,
        string apiKey,
        EndDeviceComponent component,
        string applicationId,
        string deviceId,
        IReadOnlyCollection<string>? fieldMask = null,
        CancellationToken cancellationToken = default)
    {
        var prefix = ComponentPrefix(component);
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ThingsStackIds.Validate(deviceId, nameof(deviceId));
        var path = $"{prefix}/applications/{applicationId}/devices/{deviceId}" + ReadMask(fieldMask, '?');
        var result = await SendAsync(
            HttpMethod.Get,
            prefix + "/applications/{application_id}/devices/{device_id}",
            path,
            component == EndDeviceComponent.IdentityServer ? null : cluster,
            apiKey,
            null,
            Json.EndDevice,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<EndDevicePage> ListEndDevicesPageAsync(
        string apiKey,
        string applicationId,
        int page,
        int limit,
        IReadOnlyCollection<string>? fieldMask = null,
        CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        var query = string.Create(CultureInfo.InvariantCulture, $"?limit={limit}&page={page}") + ReadMask(fieldMask, '&');
        var result = await SendAsync(
            HttpMethod.Get,
            "/applications/{application_id}/devices",
            $"/applications/{applicationId}/devices{query}",
            null,
            apiKey,
            null,
            Json.EndDeviceList,
            cancellationToken).ConfigureAwait(false);
        return new EndDevicePage(result.Value.EndDevices ?? [], result.TotalCount);
    }

    public IAsyncEnumerable<EndDevice> SearchEndDevicesAsync(
        string apiKey,
        string applicationId,
        string? devEuiContains,
        string? joinEuiContains,
        CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var query = new List<string> { "field_mask=ids" };
        if (devEuiContains is not null)
        {
            query.Add("dev_eui_contains=" + SearchHex(devEuiContains, nameof(devEuiContains)));
        }

        if (joinEuiContains is not null)
        {
            query.Add("join_eui_contains=" + SearchHex(joinEuiContains, nameof(joinEuiContains)));
        }

        return ListPagedAsync(
            "/search/applications/{application_id}/devices",
            $"/search/applications/{applicationId}/devices",
            string.Join('&', query),
            apiKey,
            Json.EndDeviceList,
            static p => p.EndDevices,
            cancellationToken);
    }

    private static string ComponentPrefix(EndDeviceComponent component) => component switch
    {
        EndDeviceComponent.IdentityServer => string.Empty,
        EndDeviceComponent.JoinServer => "/js",
        EndDeviceComponent.NetworkServer => "/ns",
        EndDeviceComponent.ApplicationServer => "/as",
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown component."),
    };

    /// <summary>A search term of hexadecimal characters only (it goes into the query as is).</summary>
    private static string SearchHex(string value, string paramName)
    {
        if (value.Length is 0 or > 16 || !value.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("A search by EUI takes 1 to 16 hexadecimal characters.", paramName);
        }

        return value.ToUpperInvariant();
    }
}
