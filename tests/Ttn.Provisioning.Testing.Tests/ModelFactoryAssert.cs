using System.Reflection;

namespace Ttn.Provisioning.Testing.Tests;

/// <summary>Checks shared by the tests of <see cref="ProvisioningModelFactory"/> and <see cref="DeviceModelFactory"/>.</summary>
internal static class ModelFactoryAssert
{
    private const BindingFlags PropertyFlags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;

    /// <summary>The names of the factory's public methods, one theory case each, except the ones named.</summary>
    public static TheoryData<string> MethodNames(Type factory, params string[] except)
    {
        var data = new TheoryData<string>();
        foreach (var method in factory.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => !except.Contains(m.Name)))
        {
            data.Add(method.Name);
        }

        return data;
    }

    /// <summary>
    /// Calls the factory method once per parameter, with a sample for that parameter and the defaults for the others, and
    /// finds the sample in the property of the parameter's name (so an argument that reaches another property fails).
    /// </summary>
    public static void CarriesEveryArgument(Type factory, string name, Func<Type, object> sampleOf)
    {
        var method = factory.GetMethod(name)!;
        var parameters = method.GetParameters();

        for (var i = 0; i < parameters.Length; i++)
        {
            var sample = sampleOf(parameters[i].ParameterType);
            Assert.False(Equals(sample, parameters[i].DefaultValue), $"{name}: the sample for {parameters[i].Name} is its default.");
            var arguments = parameters.Select(p => p.DefaultValue).ToArray();
            arguments[i] = sample;

            var built = method.Invoke(null, arguments)!;

            var property = built.GetType().GetProperty(parameters[i].Name!, PropertyFlags);
            Assert.True(property is not null, $"{name}: no property for the parameter {parameters[i].Name}.");
            Assert.Equal(sample, property.GetValue(built));
        }
    }

    /// <summary>The result types the service's methods answer with that the factory has no method for.</summary>
    public static IEnumerable<Type> ResultsWithoutFactoryMethod(Type service, Type factory) =>
        service.GetMethods()
            .Select(m => m.ReturnType.GetGenericArguments().Single())
            .Where(t => t.IsAssignableTo(typeof(OperationResult)))
            .Distinct()
            .Where(t => factory.GetMethod(t.Name)?.ReturnType != t);
}
