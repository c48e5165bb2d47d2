namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// What a credential may do, from an <c>auth_info</c> answer or a <c>…/rights</c> answer, with the
/// <c>_ALL</c> pseudo-rights expanded, and which rights each provisioning group is missing.
/// </summary>
public sealed class PermissionReport
{
    /// <param name="rights">The rights as granted (pseudo-rights allowed, the <c>RIGHT_</c> prefix optional).</param>
    /// <param name="isAdmin">Whether the credential belongs to an admin user.</param>
    internal PermissionReport(IEnumerable<string> rights, bool isAdmin = false)
    {
        ArgumentNullException.ThrowIfNull(rights);
        Rights = ThingsStackRights.Expand(rights);
        IsAdmin = isAdmin;
        var missing = new Dictionary<ThingsStackRightsGroup, IReadOnlyList<string>>();
        foreach (var group in ThingsStackRights.Groups)
        {
            var lacking = ThingsStackRights.For(group).Where(r => !Rights.Contains(r)).ToArray();
            if (lacking.Length > 0)
            {
                missing[group] = lacking;
            }
        }

        Missing = missing;
    }

    /// <summary>Gets the granted rights, normalised and expanded.</summary>
    public IReadOnlySet<string> Rights { get; }

    /// <summary>Gets a value indicating whether the credential belongs to an admin user (needed to purge).</summary>
    public bool IsAdmin { get; }

    /// <summary>Gets the rights missing per group; a group that is fully granted is absent.</summary>
    public IReadOnlyDictionary<ThingsStackRightsGroup, IReadOnlyList<string>> Missing { get; }

    /// <summary>Gets a value indicating whether every provisioning group is fully granted.</summary>
    public bool IsComplete => Missing.Count == 0;

    /// <summary>Builds a report from the answer of <c>GET …/rights</c> (a list of right names).</summary>
    /// <param name="rights">The rights.</param>
    /// <param name="isAdmin">Whether the key's user is an administrator of The Things Stack (which grants every right).</param>
    /// <returns>The report.</returns>
    internal static PermissionReport FromRights(IEnumerable<string> rights, bool isAdmin = false) => new(rights, isAdmin);

    /// <summary>Whether the right is granted, directly or through a pseudo-right.</summary>
    /// <param name="right">The right, with or without the <c>RIGHT_</c> prefix.</param>
    /// <returns><see langword="true"/> when granted.</returns>
    internal bool Has(string right) => Rights.Contains(ThingsStackRights.Normalize(right));

    /// <summary>Whether every right of the group is granted.</summary>
    /// <param name="group">The group.</param>
    /// <returns><see langword="true"/> when nothing is missing.</returns>
    internal bool Satisfies(ThingsStackRightsGroup group) => !Missing.ContainsKey(group);

    /// <summary>Gets the rights the group is missing (empty when it is satisfied).</summary>
    /// <param name="group">The group.</param>
    /// <returns>The missing rights.</returns>
    internal IReadOnlyList<string> MissingFor(ThingsStackRightsGroup group) =>
        Missing.TryGetValue(group, out var lacking) ? lacking : [];

    /// <summary>Builds a report from an <c>auth_info</c> answer: the key's or token's rights plus the universal rights.</summary>
    internal static PermissionReport FromAuthInfo(AuthInfo authInfo)
    {
        ArgumentNullException.ThrowIfNull(authInfo);
        var rights = new List<string>();
        if (authInfo.ApiKey?.ApiKey?.Rights is { } keyRights)
        {
            rights.AddRange(keyRights);
        }

        if (authInfo.OAuthAccessToken?.Rights is { } tokenRights)
        {
            rights.AddRange(tokenRights);
        }

        if (authInfo.UserSession is not null)
        {
            // A session is granted all current and future rights (AuthInfoResponse docs).
            rights.Add(ThingsStackRights.All);
        }

        if (authInfo.UniversalRights?.Rights is { } universal)
        {
            rights.AddRange(universal);
        }

        return new PermissionReport(rights, authInfo.IsAdmin);
    }
}
