using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>Reads a page of the tenant's history, newest first. Makes no request to TTS; reading it is not itself recorded.</summary>
internal sealed class GetHistoryOperation : TenantOperation<TenantHistoryResult>
{
    /// <summary>The most entries one page may ask for.</summary>
    public const int MaxLimit = 100;

    private readonly ICredentialStore _store;
    private readonly int _limit;
    private readonly string? _pageToken;

    /// <exception cref="ArgumentOutOfRangeException">The limit is not between 1 and <see cref="MaxLimit"/>.</exception>
    public GetHistoryOperation(ICredentialStore store, int limit, string? pageToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        _store = store;
        _limit = limit;
        _pageToken = pageToken;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.GetHistory;

    public override bool TakesLease => false;

    public override async Task<TenantHistoryResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var page = await _store.GetHistoryAsync(context.TenantId, _limit, _pageToken, cancellationToken).ConfigureAwait(false);
        return new TenantHistoryResult
        {
            Outcome = ProvisioningOutcome.Succeeded,
            Entries = page.Entries,
            NextPageToken = page.NextPageToken,
        };
    }

    protected override TenantHistoryResult CreateResult(TenantRecord? record) => new();
}
