using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ttn.Provisioning.ThingsStack;

// API keys and the answer of auth_info.
// Only the fields the library uses are modelled; unknown fields in answers are ignored, null fields left out of requests.

/// <summary><c>Rights</c>: a list of <c>RIGHT_…</c> names.</summary>
internal sealed record RightsList(IReadOnlyList<string>? Rights);

/// <summary><c>APIKey</c>. <see cref="Key"/> (the full secret) is present only in the create answer.</summary>
internal sealed record ThingsStackApiKey
{
    public string? Id { get; init; }

    public string? Key { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string>? Rights { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() =>
        $"ThingsStackApiKey {{ Id = {Id}, Name = {Name}, Key = {(Key is null ? "null" : "[REDACTED]")} }}";
}

/// <summary>The <c>api_key</c> member of <c>AuthInfoResponse</c>.</summary>
internal sealed record ApiKeyAccess(ThingsStackApiKey? ApiKey, EntityIdentifiers? EntityIds);

/// <summary>The <c>oauth_access_token</c> member of <c>AuthInfoResponse</c> (only the parts a provisioner needs).</summary>
internal sealed record OAuthAccessTokenInfo(UserIdentifiers? UserIds, IReadOnlyList<string>? Rights);

/// <summary><c>AuthInfoResponse</c>.</summary>
internal sealed record AuthInfo
{
    public ApiKeyAccess? ApiKey { get; init; }

    [JsonPropertyName("oauth_access_token")]
    public OAuthAccessTokenInfo? OAuthAccessToken { get; init; }

    public JsonElement? UserSession { get; init; }

    public RightsList? UniversalRights { get; init; }

    public bool IsAdmin { get; init; }
}
