using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.AspNetCore.Messages;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Webhooks;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>
/// Answers one delivery of The Things Stack: size (413) and content type (415) first, then the secret (one HMAC,
/// <see cref="WebhookVerifier"/>; 403), then the body under its limit, parsed in place (413, 400), the application (403),
/// de-duplication, and the handler, inline (200, or 500 when it threw) or queued (202, or 503 when the queue is full).
/// </summary>
/// <remarks>
/// A wrong or missing secret and an unknown tenant get the same answer: 403, no body, no header of their own, after the same
/// work. 403 rather than 401: the secret is not an HTTP authentication scheme, so there is no challenge to send, and a 401
/// without one breaks RFC 9110 (§15.5.2); 403 says the credentials given, if any, are not enough. An authentic delivery for
/// a disabled tenant gets 204 and is dropped: every status but 2xx is a failed delivery for The Things Stack, and enough
/// consecutive failures make it stop delivering to the webhook for its retry interval (24 hours on TTN Cloud), which would
/// outlast the tenant being enabled again.
/// </remarks>
internal sealed class WebhookReceiver
{
    private const string DownlinkApiKeyHeader = "X-Downlink-Apikey";
    private const string DownlinkPushHeader = "X-Downlink-Push";
    private const string DownlinkReplaceHeader = "X-Downlink-Replace";

    private readonly WebhookVerifier _verifier;
    private readonly WebhookQueue _queue;
    private readonly WebhookHandlerInvoker _invoker;
    private readonly TtnWebhookOptions _options;
    private readonly TtnMessageParser _parser;
    private readonly TtnMessageDeduplicator? _deduplicator;
    private readonly string _secretHeader;
    private readonly ILogger _logger;

    public WebhookReceiver(
        WebhookVerifier verifier,
        WebhookQueue queue,
        WebhookHandlerInvoker invoker,
        IOptions<TtnWebhookOptions> options,
        IOptions<TtnProvisioningOptions> provisioning,
        TimeProvider time,
        ILogger<WebhookReceiver> logger)
    {
        _verifier = verifier;
        _queue = queue;
        _invoker = invoker;
        _options = options.Value;
        _parser = new TtnMessageParser(new TtnMessageParserOptions { MaxDepth = _options.MaxDepth });
        _deduplicator = _options.Deduplication is { } window ? new TtnMessageDeduplicator(window, time) : null;
        _secretHeader = provisioning.Value.WebhookSecretHeader;
        _logger = logger;
    }

    /// <summary>Answers a delivery to <c>POST {prefix}/{tenant}</c>.</summary>
    public async Task ReceiveAsync(HttpContext http)
    {
        using var activity = ProvisioningDiagnostics.ActivitySource.StartActivity(WebhookTelemetry.ActivityName);
        var routeTenant = http.Request.RouteValues["tenant"] as string;
        var tenantId = SecretContext.IsValidTenantId(routeTenant) ? routeTenant : null;
        activity?.SetTag("ttn_provisioning.tenant_id", tenantId);

        var status = await AnswerAsync(http, tenantId, activity).ConfigureAwait(false);
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "1";
        }

        activity?.SetTag("http.response.status_code", status);
    }

    private async Task<int> AnswerAsync(HttpContext http, string? tenantId, Activity? activity)
    {
        var request = http.Request;
        if (WebhookBody.DeclaredTooLarge(request, _options.MaxBodySize))
        {
            return Refuse(activity, tenantId, StatusCodes.Status413PayloadTooLarge, "too_large");
        }

        if (!request.HasJsonContentType())
        {
            return Refuse(activity, tenantId, StatusCodes.Status415UnsupportedMediaType, "content_type");
        }

        var presented = request.Headers[_secretHeader];
        WebhookVerification verification;
        try
        {
            verification = await _verifier.VerifyAsync(tenantId, presented.Count == 1 ? presented[0] : null, http.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.VerifierFailed(_logger, exception, tenantId);
            return Refuse(activity, tenantId, StatusCodes.Status503ServiceUnavailable, "unavailable");
        }

        if (!verification.IsAuthentic || tenantId is null)
        {
            return Refuse(activity, tenantId, StatusCodes.Status403Forbidden, "secret");
        }

        if (verification.Outcome == WebhookVerificationOutcome.TenantDisabled)
        {
            return Ignore(activity, tenantId, null, StatusCodes.Status204NoContent, "tenant_disabled");
        }

        var body = await WebhookBody.ReadAndParseAsync(http, _options.MaxBodySize, _parser, http.RequestAborted).ConfigureAwait(false);
        if (body.Parsed is not { } parsed)
        {
            var reason = body.Status == StatusCodes.Status413PayloadTooLarge ? "too_large" : "malformed";
            return Refuse(activity, tenantId, body.Status, reason);
        }

        if (!parsed.IsSuccess)
        {
            Log.Malformed(_logger, tenantId, parsed.FailureReason);
            return Refuse(activity, tenantId, StatusCodes.Status400BadRequest, "malformed");
        }

        var message = parsed.Message;
        activity?.SetTag("ttn_provisioning.message_kind", message.Kind.ToString());
        if (verification.ApplicationId is { } application
            && !string.Equals(message.EndDevice.ApplicationId, application, StringComparison.Ordinal))
        {
            Log.OtherApplication(_logger, tenantId, message.EndDevice.ApplicationId, application);
            return Refuse(activity, tenantId, StatusCodes.Status403Forbidden, "application");
        }

        if (_deduplicator is not null && !_deduplicator.TryRegister(message))
        {
            return Ignore(activity, tenantId, message.Kind, StatusCodes.Status200OK, "duplicate");
        }

        return await DispatchAsync(http, activity, new TtnWebhookContext(
            tenantId,
            message,
            request.Headers[DownlinkApiKeyHeader] is [{ Length: > 0 } key] ? new TtnDownlinkApiKey(key) : null,
            UrlOf(request, DownlinkPushHeader),
            UrlOf(request, DownlinkReplaceHeader))).ConfigureAwait(false);
    }

    private async Task<int> DispatchAsync(HttpContext http, Activity? activity, TtnWebhookContext context)
    {
        var dispatch = _options.Dispatch;
        if (dispatch == TtnWebhookDispatch.Background && !_queue.TryEnqueue(context))
        {
            Log.QueueFull(_logger, context.TenantId, _queue.Capacity);
            return Refuse(activity, context.TenantId, StatusCodes.Status503ServiceUnavailable, "queue_full");
        }

        WebhookTelemetry.Accepted.Add(
            1, new KeyValuePair<string, object?>("kind", context.Message.Kind.ToString()), WebhookTelemetry.Dispatch(dispatch));
        Log.Accepted(_logger, context.TenantId, context.Message.Kind, dispatch);
        activity?.SetTag("ttn_provisioning.webhook.outcome", "accepted");
        if (dispatch == TtnWebhookDispatch.Background)
        {
            return StatusCodes.Status202Accepted;
        }

        var handled = await _invoker.InvokeAsync(http.RequestServices, context, dispatch, http.RequestAborted).ConfigureAwait(false);
        if (!handled)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "handler_failed");
        }

        return handled ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;
    }

    private int Refuse(Activity? activity, string? tenantId, int status, string reason)
    {
        WebhookTelemetry.Rejected.Add(1, WebhookTelemetry.Reason(reason));
        Log.Refused(_logger, tenantId, reason, status);
        activity?.SetTag("ttn_provisioning.webhook.outcome", "rejected");
        activity?.SetTag("ttn_provisioning.webhook.reason", reason);
        return status;
    }

    private int Ignore(Activity? activity, string tenantId, TtnMessageKind? kind, int status, string reason)
    {
        WebhookTelemetry.Ignored.Add(1, WebhookTelemetry.Reason(reason));
        Log.Ignored(_logger, tenantId, kind, reason);
        activity?.SetTag("ttn_provisioning.webhook.outcome", "ignored");
        activity?.SetTag("ttn_provisioning.webhook.reason", reason);
        return status;
    }

    private static Uri? UrlOf(HttpRequest request, string header) =>
        request.Headers[header] is [{ } value] && Uri.TryCreate(value, UriKind.Absolute, out var url) ? url : null;
}
