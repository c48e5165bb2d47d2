using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning;

/// <summary>
/// Who asks for an operation: the tenant acted on, the user in the host application, and that user's role in the
/// tenant. The host builds it from its own authentication; the library decides the role policy on it before any I/O.
/// </summary>
/// <param name="TenantId">The tenant acted on (the host's id for the customer organisation).</param>
/// <param name="UserId">The host user making the call, for audit.</param>
/// <param name="Role">The user's role in that tenant.</param>
public sealed record ProvisioningCaller(string TenantId, string UserId, TenantRole Role);
