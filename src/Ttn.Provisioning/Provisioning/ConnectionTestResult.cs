using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning;

/// <summary>
/// The result of <see cref="IProvisioningService.TestConnectionAsync"/>: Succeeded when every check passed, Failed when
/// one did not (<see cref="OperationResult.Error"/> names the first, with TTS's error and correlation id when TTS
/// answered with one), NotConfigured (with a message) for a tenant that has no application key to test with, Denied or
/// AlreadyInProgress. The test itself, stored on the tenant and shown by its status, is <see cref="Test"/>.
/// </summary>
public sealed class ConnectionTestResult : OperationResult
{
    internal ConnectionTestResult()
    {
    }

    /// <summary>The test, when it ran.</summary>
    public ConnectionTest? Test { get; internal init; }
}
