using System.Globalization;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>Device search, the Join Server's default JoinEUI and the frequency plan list.</summary>
internal sealed partial class TtsApi
{
    private void MapDeviceLookups()
    {
        _router.Map("GET", "/search/applications/{app}/devices", SearchDevices);
        _router.Map("GET", "/js/default_join_eui", _ => new ApiResult(new JsonObject { ["join_eui"] = DefaultJoinEui() }));
        _router.Map("GET", "/configuration/frequency-plans", ListFrequencyPlans);
    }

    private string DefaultJoinEui() =>
        Identifiers.Eui(_options.DefaultJoinEui, "default_join_eui", "GetDefaultJoinEUIResponse") ?? "0000000000000000";

    /// <summary>
    /// Identity Server search (bunstore <c>SearchEndDevices</c>): <c>*_contains</c> are case-insensitive substring matches
    /// on the device ID, the EUIs (upper-case hex) and the name; paged with <c>X-Total-Count</c>.
    /// </summary>
    private ApiResult SearchDevices(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], DevicesRead);
        bool Contains(string? value, string parameter) =>
            context.QueryValue(parameter) is not { Length: > 0 } wanted
            || (value?.Contains(wanted, StringComparison.OrdinalIgnoreCase) ?? false);
        var found = _state.IdentityServerDevices.Values.Where(d => d.ApplicationId == context["app"]
            && Contains(d.DeviceId, "id_contains")
            && Contains(d.DevEui, "dev_eui_contains")
            && Contains(d.JoinEui, "join_eui_contains")
            && Contains(Str(d.Fields, "name"), "name_contains")
            && Contains(Str(d.Fields, "description"), "description_contains"));
        var (page, total) = Paginate(OrderDevices(found, context), context);
        return DeviceList(page, ReadPaths(context), total);
    }

    /// <summary>Any component answers it; <c>base_frequency</c> (MHz) filters.</summary>
    private static ApiResult ListFrequencyPlans(RequestContext context)
    {
        var plans = FrequencyPlans.All.AsEnumerable();
        if (context.QueryValue("base_frequency") is { Length: > 0 } text && text != "0")
        {
            var baseFrequency = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new TtsException(Errors.Validation("base_frequency", "invalid value", "ListFrequencyPlansRequestValidationError"));
            plans = plans.Where(p => p.BaseFrequency == baseFrequency);
        }
        return new ApiResult(new JsonObject
        {
            ["frequency_plans"] = new JsonArray([.. plans.Select(p => (JsonNode)FrequencyPlans.ToJson(p))]),
        });
    }
}
