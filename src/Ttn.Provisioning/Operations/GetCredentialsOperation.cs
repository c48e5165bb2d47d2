using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Opens a tenant's stored credentials for a caller allowed to see them. Every read is audited: a log event and the
/// host's audit sink, which must succeed for the credentials to be returned.
/// </summary>
internal sealed class GetCredentialsOperation : TenantOperation<TenantCredentialsResult>
{
    private const string NotConfigured =
        "TTN is not configured for this tenant: nothing is stored for it yet; provision it or bring an existing application first.";

    private readonly OperationServices _services;
    private TenantRole _role;

    public GetCredentialsOperation(OperationServices services)
    {
        _services = services;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.GetCredentials;

    public override bool TakesLease => false;

    public override bool IsRecorded => true;

    public override async Task<TenantCredentialsResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        _role = context.Caller.Role;
        if (context.Record is not { } record)
        {
            return new TenantCredentialsResult
            {
                Outcome = ProvisioningOutcome.NotConfigured,
                Error = TenantError.Local(null, NotConfigured, context.Now),
                Status = StatusOf(context),
            };
        }

        var credentials = new TenantCredentials(record.TenantId)
        {
            OrganizationId = record.OrganizationId,
            ApplicationId = record.ApplicationId,
            OrganizationApiKey = Open(record, SecretField.OrganizationApiKey, record.OrganizationApiKey),
            ApplicationApiKey = Open(record, SecretField.ApplicationApiKey, record.ApplicationApiKey),
            GatewayApiKey = Open(record, SecretField.GatewayApiKey, record.GatewayApiKey),
            WebhookSecret = Open(
                record, SecretField.WebhookSecret, record.WebhookSecret.Sealed, record.WebhookSecret.LastFour, keyId: null),
            WebhookUrl = record.WebhookUrl,
        };

        var opened = new List<string>();
        AddIfOpened(opened, nameof(TenantCredentials.OrganizationApiKey), credentials.OrganizationApiKey);
        AddIfOpened(opened, nameof(TenantCredentials.ApplicationApiKey), credentials.ApplicationApiKey);
        AddIfOpened(opened, nameof(TenantCredentials.GatewayApiKey), credentials.GatewayApiKey);
        AddIfOpened(opened, nameof(TenantCredentials.WebhookSecret), credentials.WebhookSecret);
        var caller = context.Caller;
        Log.CredentialsRead(
            _services.Logger, caller.TenantId, caller.UserId, caller.Role, opened.Count == 0 ? "none" : string.Join(", ", opened));
        await _services.Audit.RecordAsync(
            new CredentialAccessAudit(caller.TenantId, caller.UserId, caller.Role, context.Now, opened), cancellationToken)
            .ConfigureAwait(false);
        return new TenantCredentialsResult
        {
            Outcome = ProvisioningOutcome.Succeeded,
            Credentials = credentials,
            Status = StatusOf(context),
        };
    }

    private TenantStatus StatusOf(OperationContext context) =>
        GetStatusOperation.ToStatus(context.TenantId, context.Record, context.Now, _services.Conventions.Clusters.DefaultName);

    protected override TenantCredentialsResult CreateResult(TenantRecord? record) => new();

    private StoredCredential Open(TenantRecord record, SecretField field, StoredApiKey? key) =>
        Open(record, field, key?.Sealed, key?.LastFour, key?.KeyId);

    private StoredCredential Open(TenantRecord record, SecretField field, string? token, string? lastFour, string? keyId)
    {
        if (token is not null && !_services.Policy.MayReveal(_role, field))
        {
            return new StoredCredential(SafeDecrypt.Empty, lastFour, keyId, isWithheld: true);
        }

        var opened = _services.Vault.Open(record.TenantId, field, token);
        if (opened.Status == SafeDecryptStatus.Failed)
        {
            Log.SecretUnreadable(_services.Logger, record.TenantId, field.ToString(), opened.FailureReason.ToString());
        }

        return new StoredCredential(opened, lastFour ?? opened.LastFour, keyId);
    }

    private static void AddIfOpened(List<string> fields, string name, StoredCredential credential)
    {
        if (credential.Secret.IsDecrypted)
        {
            fields.Add(name);
        }
    }
}
