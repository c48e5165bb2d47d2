using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing.Storage;

namespace Ttn.Provisioning.Testing.Tests.Storage;

/// <summary>The store specification, run against the library's in-memory store.</summary>
public sealed class InMemoryCredentialStoreSpecificationTests : CredentialStoreSpecification
{
    protected override Task<ICredentialStore> CreateStoreAsync() => Task.FromResult<ICredentialStore>(new InMemoryCredentialStore());
}
