using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Ttn.Provisioning.Testing.Storage;

/// <summary>
/// The <see cref="FactAttribute"/> of <see cref="CredentialStoreSpecification"/>: a fact that is skipped when the
/// concrete test class carries a <see cref="StoreAvailabilityAttribute"/> whose <see cref="StoreAvailabilityAttribute.SkipReason"/>
/// is not null (for example a database server that is not configured on a developer machine).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Ttn.Provisioning.Testing.Storage.StoreFactDiscoverer", "Ttn.Provisioning.Testing")]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>
/// Put a subclass on a test class derived from <see cref="CredentialStoreSpecification"/> to skip its facts when the
/// store under test is not available. xunit 2 decides skips when it discovers tests, so the reason is read then.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public abstract class StoreAvailabilityAttribute : Attribute
{
    /// <summary>Why the facts are skipped (say how to make the store available), or null to run them.</summary>
    public abstract string? SkipReason { get; }
}

/// <summary>Discovers <see cref="StoreFactAttribute"/> facts; used by xunit through the attribute.</summary>
internal sealed class StoreFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnosticMessageSink;

    public StoreFactDiscoverer(IMessageSink diagnosticMessageSink) => _diagnosticMessageSink = diagnosticMessageSink;

    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new StoreFactTestCase(
            _diagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod);
    }
}

/// <summary>A fact whose skip reason comes from the concrete class's <see cref="StoreAvailabilityAttribute"/>.</summary>
internal sealed class StoreFactTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public StoreFactTestCase()
    {
    }

    public StoreFactTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var type = TestMethod.TestClass.Class.ToRuntimeType();
        var availability = type?.GetCustomAttributes(typeof(StoreAvailabilityAttribute), inherit: true)
            .OfType<StoreAvailabilityAttribute>()
            .FirstOrDefault();
        return availability?.SkipReason ?? base.GetSkipReason(factAttribute);
    }
}
