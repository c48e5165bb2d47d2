namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>
/// Every endpoint × every role under the default policy: 200 with the operation's answer, or 403 with the policy's reason
/// and no request to The Things Stack.
/// </summary>
public sealed class RoleMatrixTests
{
    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in EndpointCase.All)
        {
            foreach (var role in EndpointCase.Everyone)
            {
                data.Add(endpoint.Name, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_the_answer_the_role_policy_gives_it(string endpoint, string role)
    {
        var @case = EndpointCase.Named(endpoint);
        await using var host = await EndpointHost.StartAsync();
        var body = await @case.Arrange(host);
        var requestsBefore = host.Fake.Journal.Entries.Count;

        var answer = await host.SendAsync(@case.Method, @case.Path(), role, body);

        Assert.Equal("no-store", answer.CacheControl?.ToString());
        if (@case.Allowed.Contains(role))
        {
            Assert.True(answer.Status == @case.SuccessStatus, answer.ToString());
            Assert.Equal("application/json", answer.MediaType);
            @case.Succeeded(answer.Json);
        }
        else
        {
            Assert.True(answer.Status == 403, answer.ToString());
            Assert.Equal("application/problem+json", answer.MediaType);
            Assert.Equal("urn:ttn-provisioning:problem:denied", answer.Text("type"));
            Assert.Equal("denied", answer.Text("reasonCode"));
            Assert.Equal("Denied", answer.Text("outcome"));
            Assert.Contains($"Role {role} may not", answer.Text("detail"), StringComparison.Ordinal);
            Assert.Equal(requestsBefore, host.Fake.Journal.Entries.Count);
        }
    }
}
