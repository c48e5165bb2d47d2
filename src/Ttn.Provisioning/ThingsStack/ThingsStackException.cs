using System.Net;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// A call to The Things Stack failed: the server answered with an error, or it could not be reached in time.
/// </summary>
/// <remarks>
/// The TTS error body (<c>google.rpc.Status</c>) is decoded from <c>details[0]</c>: <see cref="ErrorNamespace"/>,
/// <see cref="ErrorName"/>, <see cref="Attributes"/> and <see cref="CorrelationId"/>. Match on
/// <see cref="ErrorName"/> (or the helper properties), never on <see cref="Exception.Message"/>. The message never
/// holds an API key or a request body; <see cref="ResponseBody"/> is bounded and has key-shaped strings redacted.
/// </remarks>
internal sealed class ThingsStackException : Exception
{
    /// <summary>The most characters of a response body kept in <see cref="ResponseBody"/>.</summary>
    public const int MaxResponseBodyLength = 2048;

    /// <summary>Initializes a new instance with a generic message.</summary>
    public ThingsStackException()
        : this("A call to The Things Stack failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message. It must not hold secrets.</param>
    public ThingsStackException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message. It must not hold secrets.</param>
    /// <param name="innerException">The cause, for example an <see cref="HttpRequestException"/>.</param>
    public ThingsStackException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Attributes = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Gets the HTTP status of the answer, or <see langword="null"/> when no answer came (transport error, timeout).</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>Gets the gRPC status code from the body (<c>code</c>), which tells 409 AlreadyExists (6) from Aborted (10).</summary>
    public int? GrpcCode { get; init; }

    /// <summary>Gets the TTS error namespace from <c>details[0].namespace</c>, for example <c>pkg/util/store</c>.</summary>
    public string? ErrorNamespace { get; init; }

    /// <summary>Gets the TTS error name from <c>details[0].name</c>, for example <c>id_taken</c>.</summary>
    public string? ErrorName { get; init; }

    /// <summary>Gets the name of the error's first cause (<c>details[0].cause.name</c>), if any.</summary>
    public string? CauseName { get; init; }

    /// <summary>Gets the public attributes of the error (<c>details[0].attributes</c>); non-string values as raw JSON.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; }

    /// <summary>Gets the correlation id the server logged the error under (<c>details[0].correlation_id</c>).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Gets the delay the server asked for (<c>X-Rate-Limit-Retry</c> or <c>Retry-After</c>), if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets a value indicating whether trying again later may succeed (408, 429, 5xx, transport errors, timeouts).</summary>
    public bool IsTransient { get; init; }

    /// <summary>Gets the HTTP method of the failed request.</summary>
    public string? Method { get; init; }

    /// <summary>Gets the route template of the failed request, for example <c>/applications/{application_id}</c>.</summary>
    public string? Route { get; init; }

    /// <summary>
    /// Gets the start of the response body (at most <see cref="MaxResponseBodyLength"/> characters, API keys and
    /// bearer tokens redacted), for diagnostics. Not part of <see cref="Exception.Message"/>.
    /// </summary>
    public string? ResponseBody { get; init; }

    /// <summary>
    /// Gets a value indicating whether the ID (or the entity) is already taken: <c>id_taken</c>,
    /// <c>already_exists</c>, or any gRPC AlreadyExists (6). Soft-deleted entities keep their IDs.
    /// </summary>
    public bool IsAlreadyExists =>
        NameIs("id_taken") || NameIs("already_exists") || GrpcCode == 6
        || (GrpcCode is null && StatusCode == HttpStatusCode.Conflict);

    /// <summary>
    /// Gets a value indicating whether the JoinEUI/DevEUI pair is in use (<c>end_device_euis_taken</c>, <c>duplicate_identifiers</c>).
    /// </summary>
    public bool IsEndDeviceEuisTaken => NameIs("end_device_euis_taken") || NameIs("duplicate_identifiers");

    /// <summary>Gets a value indicating whether the gateway EUI is in use (<c>gateway_eui_taken</c>, <c>eui_taken</c>).</summary>
    public bool IsGatewayEuiTaken => NameIs("gateway_eui_taken") || NameIs("eui_taken");

    /// <summary>
    /// Gets a value indicating whether the caller has no rights, or not enough, on the entity
    /// (<c>no_application_rights</c>, <c>no_organization_rights</c>, <c>insufficient_*_rights</c>, …).
    /// For a non-admin this is also what a missing or deleted entity looks like.
    /// </summary>
    public bool IsPermissionDenied =>
        ErrorName is { } name
        && ((name.StartsWith("no_", StringComparison.Ordinal) && name.EndsWith("_rights", StringComparison.Ordinal))
            || (name.StartsWith("insufficient_", StringComparison.Ordinal) && name.EndsWith("_rights", StringComparison.Ordinal))
            || name == "permission_denied");

    /// <summary>Gets a value indicating whether the error is <c>no_application_rights</c>.</summary>
    public bool IsNoApplicationRights => NameIs("no_application_rights");

    /// <summary>Gets a value indicating whether the error is <c>no_organization_rights</c>.</summary>
    public bool IsNoOrganizationRights => NameIs("no_organization_rights");

    /// <summary>
    /// Gets a value indicating whether an application could not be deleted because devices remain (<c>application_has_devices</c>).
    /// </summary>
    public bool IsApplicationHasDevices => NameIs("application_has_devices");

    /// <summary>
    /// Gets a value indicating whether the API key is unknown, revoked or expired (<c>api_key_not_found</c>, <c>api_key_expired</c>).
    /// </summary>
    public bool IsApiKeyNotFoundOrExpired => NameIs("api_key_not_found") || NameIs("api_key_expired");

    /// <summary>Gets a value indicating whether the request was rate limited (HTTP 429, <c>rate_limit_exceeded</c>).</summary>
    public bool IsRateLimited => StatusCode == HttpStatusCode.TooManyRequests || NameIs("rate_limit_exceeded");

    /// <summary>
    /// Gets a value indicating whether the operation is reserved to administrators (<c>admins_purge_*</c>, <c>admins_create_*</c>).
    /// </summary>
    public bool IsAdminOnly => ErrorName?.StartsWith("admins_", StringComparison.Ordinal) == true;

    /// <summary>Gets a value indicating whether the ID is on the server's blocklist (<c>forbidden_id</c>).</summary>
    public bool IsForbiddenId => NameIs("forbidden_id");

    /// <summary>Gets a value indicating whether the entity was not found (HTTP 404 or a <c>*not_found</c> name).</summary>
    public bool IsNotFound =>
        StatusCode == HttpStatusCode.NotFound
        || (ErrorName?.EndsWith("not_found", StringComparison.Ordinal) == true && !IsApiKeyNotFoundOrExpired);

    /// <summary>Whether the error carries <paramref name="name"/>, optionally in <paramref name="errorNamespace"/>.</summary>
    /// <param name="name">The error name, for example <c>id_taken</c>.</param>
    /// <param name="errorNamespace">The namespace, or <see langword="null"/> to accept any.</param>
    /// <returns><see langword="true"/> when both match.</returns>
    public bool HasError(string name, string? errorNamespace = null) =>
        NameIs(name) && (errorNamespace is null || string.Equals(ErrorNamespace, errorNamespace, StringComparison.Ordinal));

    private bool NameIs(string name) => string.Equals(ErrorName, name, StringComparison.Ordinal);
}
