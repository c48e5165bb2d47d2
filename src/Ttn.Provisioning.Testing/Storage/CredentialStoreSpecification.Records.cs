using System.Reflection;
using Ttn.Provisioning.Storage;
using Xunit;

namespace Ttn.Provisioning.Testing.Storage;

/// <summary>The records the facts write and how they are compared.</summary>
public abstract partial class CredentialStoreSpecification
{
    /// <summary>A record with only the required values, for facts that do not care about the rest.</summary>
    /// <param name="tenantId">The tenant id.</param>
    protected static TenantRecord MinimalRecord(string tenantId) =>
        new() { TenantId = tenantId, CreatedAt = BaseTime, UpdatedAt = BaseTime };

    /// <summary>
    /// A record whose every property holds a distinct, non-default value (instants with non-zero offsets), for round trips.
    /// </summary>
    /// <param name="tenantId">The tenant id.</param>
    protected static TenantRecord FullRecord(string tenantId) => new()
    {
        TenantId = tenantId,
        Version = 0,
        State = ProvisioningState.Failed,
        CurrentStep = ProvisioningStep.ApplicationApiKey,
        Checkpoints = ProvisioningStep.Organization | ProvisioningStep.OrganizationApiKey | ProvisioningStep.Application,
        PendingSteps = ProvisioningStep.ApplicationApiKey | ProvisioningStep.GatewayApiKey,
        AttemptCount = 3,
        TtsUserId = "admin-user",
        Cluster = "nam1",
        OrganizationId = "org-tenant-1",
        OrganizationIdRotations = 2,
        ApplicationId = "app-tenant-1",
        IsExistingApplication = true,
        WebhookId = "ttn-provisioning",
        WebhookUrl = "https://hooks.example/tenants/1",
        OrganizationApiKey = new StoredApiKey(sealedKey: "ttn1.k1.organization-sealed", lastFour: "ORG4", keyId: "ORGKEYID"),
        ApplicationApiKey = new StoredApiKey(sealedKey: "ttn1.k1.application-sealed", lastFour: "APP4", keyId: "APPKEYID"),
        GatewayApiKey = new StoredApiKey(sealedKey: "ttn1.k1.gateway-sealed", lastFour: "GTW4", keyId: "GTWKEYID"),
        WebhookSecret = new WebhookSecretSet(
            sealedSecret: "ttn1.k1.webhook-sealed",
            lastFour: "WHK4",
            pendingSealed: "ttn1.k1.pending-sealed",
            previousSealed: "ttn1.k1.previous-sealed",
            previousValidUntil: new DateTimeOffset(2026, 11, 3, 12, 10, 0, TimeSpan.FromHours(2)).AddTicks(11)),
        CredentialsUpdatedAt = BaseTime.AddSeconds(1).AddTicks(1),
        LastError = new TenantError(
            step: ProvisioningStep.ApplicationApiKey,
            message: "forbidden",
            httpStatus: 403,
            errorNamespace: "pkg/auth/rights",
            errorName: "no_application_rights",
            correlationId: "corr-1",
            occurredAt: new DateTimeOffset(2026, 11, 3, 7, 0, 0, TimeSpan.FromHours(-5)).AddTicks(7),
            isTransient: true),
        RequiresStartFresh = true,
        Settings = new TenantSettings(
            enabled: false,
            messages: WebhookMessageTypes.Uplink | WebhookMessageTypes.DownlinkQueueInvalidated | WebhookMessageTypes.ServiceData),
        SettingsPending = true,
        LastConnectionTest = FullConnectionTest(),
        Lease = new TenantLease(
            "run-1", BaseTime.AddSeconds(2).AddTicks(3), new DateTimeOffset(2026, 11, 3, 18, 17, 30, TimeSpan.FromHours(9)).AddTicks(5)),
        CreatedAt = BaseTime.AddDays(-3),
        UpdatedAt = BaseTime.AddSeconds(3).AddTicks(9),
        StartedAt = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromMinutes(330)),
        CompletedAt = BaseTime.AddDays(-2).AddMilliseconds(7),
    };

    /// <summary>A connection test whose every property holds a distinct, non-default value (a failed check among them).</summary>
    protected static ConnectionTest FullConnectionTest() => new ConnectionTest(
        testedAt: new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(13),
        cluster: "au1",
        applicationId: "app-tenant-1",
        apiKeyLastFour: "APP4",
        checks:
        [
            new ConnectionCheck(kind: ConnectionCheckKind.ApiKey, passed: true, message: "accepted — ü", correlationId: "01JREQ"),
            new ConnectionCheck(kind: ConnectionCheckKind.WebhookHealth, passed: false, message: "unhealthy", correlationId: null),
        ],
        webhookHealthy: false,
        webhookFailedAttempts: 12_000_000_000,
        webhookLastFailedAt: new DateTimeOffset(2026, 11, 2, 23, 59, 59, TimeSpan.FromHours(-3)).AddTicks(17),
        webhookLastFailure: "pkg/applicationserver/io/web/sink:request; the receiver answered HTTP 500");

    /// <summary>
    /// Asserts that two records hold the same values: instants are compared as instants (the offset may be normalised
    /// by the store), the parts a record is made of (a stored key, the webhook secrets, the lease, the error, the
    /// settings, the connection test) member by member, everything else exactly.
    /// </summary>
    /// <param name="expected">The expected record.</param>
    /// <param name="actual">The record the store returned.</param>
    protected static void AssertSameRecord(TenantRecord expected, TenantRecord actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        AssertSameValues(nameof(TenantRecord), typeof(TenantRecord), expected, actual);
    }

    private static void AssertSameValues(string path, Type type, object expected, object actual)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            var name = $"{path}.{property.Name}";
            if (e is not null && a is not null && IsRecordPart(property.PropertyType))
            {
                AssertSameValues(name, property.PropertyType, e, a);
                continue;
            }

            if (e is System.Collections.IEnumerable expectedItems and not string && a is System.Collections.IEnumerable actualItems)
            {
                // A list of parts (a connection test's checks): the same items, member by member, in the same order.
                var (expectedList, actualList) = (expectedItems.Cast<object>().ToList(), actualItems.Cast<object>().ToList());
                Assert.True(
                    expectedList.Count == actualList.Count,
                    $"{name}: expected [{string.Join("; ", expectedList)}], actual [{string.Join("; ", actualList)}].");
                for (var i = 0; i < expectedList.Count; i++)
                {
                    AssertSameValues($"{name}[{i}]", expectedList[i].GetType(), expectedList[i], actualList[i]);
                }

                continue;
            }

            // DateTimeOffset equality compares instants.
            Assert.True(Equals(e, a), $"{name}: expected {Describe(e)}, actual {Describe(a)}.");
        }
    }

    private static bool IsRecordPart(Type type) =>
        type == typeof(StoredApiKey) || type == typeof(WebhookSecretSet) || type == typeof(TenantLease) || type == typeof(TenantError)
        || type == typeof(TenantSettings) || type == typeof(ConnectionTest);

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s when s.Length > 80 => $"\"{s[..80]}…\" ({s.Length} characters)",
        string s => $"\"{s}\"",
        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void AssertEveryPropertyIsSet(TenantRecord record)
    {
        foreach (var property in typeof(TenantRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // The version is the store's; an unrecognised state is what a store found, never what it was given.
            if (property.Name is nameof(TenantRecord.Version) or nameof(TenantRecord.UnrecognisedState))
            {
                continue;
            }

            var value = property.GetValue(record);
            var defaultValue = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                ? Activator.CreateInstance(property.PropertyType)
                : null;
            Assert.False(
                Equals(value, defaultValue),
                $"The round-trip record leaves {property.Name} at its default value: the specification must set every property.");
        }
    }
}
