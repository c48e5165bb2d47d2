using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// Application Server webhooks of the cluster the request went to, on <c>/as/webhooks/…</c>, and the AS
/// configuration that reports the webhook health thresholds.
/// </summary>
internal sealed partial class TtsApi
{
    private static readonly HashSet<string> WebhookSetPaths = new(
        ["base_url", "downlink_ack", "downlink_api_key", "downlink_failed", "downlink_nack", "downlink_queue_invalidated",
         "downlink_queued", "downlink_sent", "field_mask", "format", "headers", "ids", "join_accept", "location_solved", "paused",
         "service_data", "template_fields", "template_ids", "uplink_message", "uplink_normalized"],
        StringComparer.Ordinal);

    private static readonly string[] WebhookWriteRights =
        ["RIGHT_APPLICATION_SETTINGS_BASIC", "RIGHT_APPLICATION_TRAFFIC_READ", "RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE"];

    private void MapWebhooks()
    {
        _router.Map("PUT", "/as/webhooks/{app}/{hook}", c => SetWebhook(c, c["app"], c["hook"]));
        _router.Map("POST", "/as/webhooks/{app}", c => SetWebhook(c, c["app"], Str(c.Body, "webhook", "ids", "webhook_id")));
        _router.Map("GET", "/as/webhooks/{app}/{hook}", GetWebhook);
        _router.Map("GET", "/as/webhooks/{app}", ListWebhooks);
        _router.Map("DELETE", "/as/webhooks/{app}/{hook}", DeleteWebhook);
        _router.Map("GET", "/as/configuration", _ => new ApiResult(new JsonObject
        {
            ["configuration"] = new JsonObject { ["webhooks"] = WebhookHealthRules.From(_options).ToJson() },
        }));
    }

    private static string WebhookKey(string applicationId, string webhookId) => ClusterState.WebhookKey(applicationId, webhookId);

    /// <summary>Upsert: writes only the masked paths; a new webhook must end up with <c>base_url</c> and <c>format</c>.</summary>
    private ApiResult SetWebhook(RequestContext context, string applicationId, string? webhookId)
    {
        var id = Identifiers.Require(webhookId, "webhook_id", "ApplicationWebhookIdentifiers");
        var mask = FieldMask(context.Body);
        var forbidden = mask.Where(p => !WebhookSetPaths.Contains(p.Split('.')[0])).ToList();
        if (forbidden.Count > 0)
        {
            throw new TtsException(Errors.FieldMaskPaths(forbidden));
        }
        Require(context, EntityKind.Application, applicationId, WebhookWriteRights);

        var input = Obj(context.Body, "webhook");
        var webhooks = context.ServingCluster.Webhooks;
        var isNew = !webhooks.TryGetValue(WebhookKey(applicationId, id), out var webhook);
        var data = isNew ? new JsonObject() : (JsonObject)webhook!.Data.DeepClone();
        var written = mask.Where(p => p.Split('.')[0] != "ids").ToList();
        FieldMasks.Apply(data, input, written);
        var topLevel = FieldMasks.TopLevel(written);
        if (!Uri.TryCreate(Str(data, "base_url"), UriKind.Absolute, out _))
        {
            throw new TtsException(Errors.Validation("base_url", "value must be absolute URI", "ApplicationWebhookValidationError"));
        }
        if (string.IsNullOrEmpty(Str(data, "format")) || Str(data, "format")!.Length > 20)
        {
            throw new TtsException(
                Errors.Validation("format", "value length must be between 1 and 20 runes, inclusive", "ApplicationWebhookValidationError"));
        }
        if (data["headers"] is JsonObject { Count: > 50 })
        {
            throw new TtsException(
                Errors.Validation("headers", "value must contain no more than 50 pair(s)", "ApplicationWebhookValidationError"));
        }

        if (data["paused"] is { } paused
            && paused.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            throw new TtsException(Errors.Validation("paused", "value must be a boolean", "ApplicationWebhookValidationError"));
        }

        if (isNew)
        {
            webhook = new WebhookEntity(applicationId, id, context.Now);
            webhooks[WebhookKey(applicationId, id)] = webhook;
        }
        webhook!.Data.Clear();
        foreach (var (name, value) in data)
        {
            webhook.Data[name] = value?.DeepClone();
        }
        webhook.UpdatedAt = context.Now;
        HashSet<string> shown = ["base_url", "format", .. topLevel];
        return new ApiResult(WebhookJson(webhook, shown));
    }

    private ApiResult GetWebhook(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], "RIGHT_APPLICATION_TRAFFIC_READ");
        return context.ServingCluster.Webhooks.TryGetValue(WebhookKey(context["app"], context["hook"]), out var webhook)
            ? new ApiResult(WebhookJson(webhook, ReadMask(context)))
            : throw new TtsException(Errors.RedisNotFound());
    }

    private ApiResult ListWebhooks(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], "RIGHT_APPLICATION_TRAFFIC_READ");
        var mask = ReadMask(context);
        var hooks = context.ServingCluster.Webhooks.Values.Where(w => w.ApplicationId == context["app"])
            .OrderBy(w => w.WebhookId, StringComparer.Ordinal)
            .Select(w => (JsonNode)WebhookJson(w, mask)).ToList();
        return new ApiResult(new JsonObject { ["webhooks"] = new JsonArray([.. hooks]) }, hooks.Count);
    }

    /// <summary>Answers <c>{}</c> also when the webhook did not exist.</summary>
    private ApiResult DeleteWebhook(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], WebhookWriteRights);
        context.ServingCluster.Webhooks.Remove(WebhookKey(context["app"], context["hook"]));
        return Empty();
    }

    private static JsonObject WebhookJson(WebhookEntity webhook, HashSet<string> shown)
    {
        var json = new JsonObject
        {
            ["ids"] = new JsonObject
            {
                ["application_ids"] = new JsonObject { ["application_id"] = webhook.ApplicationId },
                ["webhook_id"] = webhook.WebhookId,
            },
            ["created_at"] = Time(webhook.CreatedAt),
            ["updated_at"] = Time(webhook.UpdatedAt),
        };
        foreach (var (name, value) in webhook.Data)
        {
            if (shown.Contains(name))
            {
                json[name] = value?.DeepClone();
            }
        }
        if (shown.Contains("health_status") && webhook.Health is { } health)
        {
            json["health_status"] = health.ToJson();
        }
        return json;
    }
}
