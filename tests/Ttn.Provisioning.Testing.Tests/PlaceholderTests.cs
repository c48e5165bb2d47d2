namespace Ttn.Provisioning.Testing.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Assembly_loads() => Assert.NotNull(typeof(PlaceholderTests).Assembly);
}
