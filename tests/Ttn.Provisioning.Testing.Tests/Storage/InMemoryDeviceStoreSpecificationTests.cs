using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing.Storage;

namespace Ttn.Provisioning.Testing.Tests.Storage;

/// <summary>The device store specification, run against the library's in-memory store.</summary>
public sealed class InMemoryDeviceStoreSpecificationTests : DeviceStoreSpecification
{
    protected override Task<IDeviceStore> CreateStoreAsync() => Task.FromResult<IDeviceStore>(new InMemoryDeviceStore());
}
