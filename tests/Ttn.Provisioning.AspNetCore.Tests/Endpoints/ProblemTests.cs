using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>How outcomes, refusals and malformed requests become RFC 9457 problems.</summary>
public sealed class ProblemTests
{
    [Fact]
    public async Task A_failed_step_is_502_with_the_step_TTS_error_name_and_correlation_id_but_no_TTS_body()
    {
        await using var host = await EndpointHost.StartAsync();
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);

        var answer = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/provision", "Owner");

        Assert.Equal(502, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("failed", answer.Text("reasonCode"));
        Assert.Equal("ApplicationApiKey", answer.Text("step"));
        Assert.Equal("injected_fault", answer.Text("ttsErrorName"));
        Assert.Equal("pkg/fake", answer.Text("ttsErrorNamespace"));
        Assert.Equal("503", answer.Text("ttsStatus"));
        Assert.Matches("^[0-9a-f]{32}$", answer.Text("correlationId"));
        Assert.Equal("Failed", answer.Json.GetProperty("result").GetProperty("state").GetString());
        var checkpoints = answer.Json.GetProperty("result").GetProperty("checkpoints").EnumerateArray().Select(c => c.GetString());
        Assert.Contains("Application", checkpoints);
        Assert.DoesNotContain("fault injected by the test", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("message_format", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_after_a_failure_shows_the_failed_step_in_the_step_list()
    {
        await using var host = await EndpointHost.StartAsync();
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/provision", "Owner");

        var status = (await host.SendAsync(HttpMethod.Get, "/ttn/tenants/acme/status", "Viewer")).Json;

        var steps = status.GetProperty("steps").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("done", steps["Application"]);
        Assert.Equal("failed", steps["ApplicationApiKey"]);
        Assert.False(steps.ContainsKey("GatewayApiKey"));
        Assert.Equal("Retry", status.GetProperty("nextAction").GetString());
        Assert.Equal("injected_fault", status.GetProperty("lastError").GetProperty("ttsErrorName").GetString());
    }

    [Fact]
    public async Task Retrying_a_ready_tenant_is_409_not_applicable()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();

        var answer = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/retry", "Owner");

        Assert.Equal(409, answer.Status);
        Assert.Equal("not-applicable", answer.Text("reasonCode"));
    }

    [Fact]
    public async Task Rotating_the_webhook_secret_of_a_tenant_never_provisioned_is_404_not_configured()
    {
        await using var host = await EndpointHost.StartAsync();

        var answer = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/webhook-secret/rotate", "Owner");

        Assert.Equal(404, answer.Status);
        Assert.Equal("not-configured", answer.Text("reasonCode"));
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Theory]
    [InlineData("deep-clean", "{}")]
    [InlineData("deep-clean", "{\"confirm\":\"ACME\"}")]
    [InlineData("start-fresh", "{\"confirm\":\"acme \"}")]
    [InlineData("start-fresh", "{\"provisionAgain\":false}")]
    public async Task A_destructive_request_without_the_tenant_id_as_confirmation_is_400_and_changes_nothing(string route, string body)
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        var requests = host.Fake.Journal.Entries.Count;

        var answer = await host.SendAsync(HttpMethod.Post, $"/ttn/tenants/acme/{route}", "Owner", rawBody: body);

        Assert.Equal(400, answer.Status);
        Assert.Equal("confirmation-required", answer.Text("reasonCode"));
        Assert.Contains("'acme'", answer.Json.GetProperty("errors").GetProperty("confirm")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(requests, host.Fake.Journal.Entries.Count);
    }

    [Fact]
    public async Task A_destructive_request_without_a_json_body_is_415()
    {
        await using var host = await EndpointHost.StartAsync();

        var answer = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/deep-clean", "Owner");

        Assert.Equal(415, answer.Status);
        Assert.Equal("unsupported-media-type", answer.Text("reasonCode"));
    }

    [Fact]
    public async Task Malformed_json_is_400_and_the_body_is_not_repeated()
    {
        await using var host = await EndpointHost.StartAsync();

        var answer = await host.SendAsync(
            HttpMethod.Post, "/ttn/tenants/acme/api-key-check", "Owner", rawBody: "{\"apiKey\":\"NNSXS.SENTINELSECRET");

        Assert.Equal(400, answer.Status);
        Assert.DoesNotContain("SENTINELSECRET", answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"apiKey\":\"NNSXS.X.Y\"}", "applicationId")]
    [InlineData("{\"applicationId\":\"their-app\",\"apiKey\":\" \"}", "apiKey")]
    public async Task A_missing_field_is_400_naming_it(string body, string field)
    {
        await using var host = await EndpointHost.StartAsync();

        var answer = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/api-key-check", "Owner", rawBody: body);

        Assert.Equal(400, answer.Status);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty(field, out _), answer.Body);
    }

    [Fact]
    public async Task An_id_the_core_refuses_is_400_and_nothing_is_sent()
    {
        await using var host = await EndpointHost.StartAsync();

        var answer = await host.SendAsync(
            HttpMethod.Post, "/ttn/tenants/acme/api-key-check", "Owner", new { applicationId = "Not_A_Valid_Id!", apiKey = "NNSXS.A.B" });

        Assert.Equal(400, answer.Status);
        Assert.Equal("invalid-request", answer.Text("reasonCode"));
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task Problems_go_through_the_hosts_problem_details_service()
    {
        await using var host = await EndpointHost.StartAsync(services: s => s.AddProblemDetails(o =>
            o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["host"] = "customised"));

        var answer = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/provision", "Viewer");

        Assert.Equal(403, answer.Status);
        Assert.Equal("customised", answer.Text("host"));
    }

    public static TheoryData<ProvisioningOutcome, int, string> Outcomes() => new()
    {
        { ProvisioningOutcome.Denied, 403, "denied" },
        { ProvisioningOutcome.AlreadyInProgress, 409, "already-in-progress" },
        { ProvisioningOutcome.NotConfigured, 404, "not-configured" },
        { ProvisioningOutcome.UseStartFresh, 409, "use-start-fresh" },
        { ProvisioningOutcome.Failed, 502, "failed" },
        { ProvisioningOutcome.NotApplicable, 409, "not-applicable" },
        { ProvisioningOutcome.TenantDisabled, 409, "tenant-disabled" },
    };

    [Fact]
    public void Every_outcome_other_than_success_has_a_row_in_the_outcome_table()
    {
        var listed = Outcomes().Select(row => (ProvisioningOutcome)row[0]);

        Assert.Equal(
            Enum.GetValues<ProvisioningOutcome>().Where(o => o != ProvisioningOutcome.Succeeded).Order(),
            listed.Order());
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Each_outcome_other_than_success_has_its_status_and_reason_code(
        ProvisioningOutcome outcome, int status, string reasonCode)
    {
        var error = new TenantError(
            step: ProvisioningStep.Webhook,
            message: "Setting the webhook failed.",
            httpStatus: 409,
            errorNamespace: "pkg/x",
            errorName: "conflict",
            correlationId: "c0ffee",
            occurredAt: default);
        var result = new ProvisioningResult
        {
            Outcome = outcome,
            TenantId = "acme",
            Error = outcome == ProvisioningOutcome.Denied ? null : error,
            Denial = outcome == ProvisioningOutcome.Denied
                ? PolicyDecision.Deny(TenantRole.Staff, ProvisioningOperation.Provision, "No.")
                : null,
        };

        var answer = TenantEndpoint.Answer(result, ProvisioningResponse.From, EndpointJsonContext.Default.ProvisioningResponse);
        var problem = Assert.IsType<TtnProblem>(answer);
        var json = await WriteAsync(problem);

        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.Equal(reasonCode, json.GetProperty("reasonCode").GetString());
        Assert.Equal(outcome != ProvisioningOutcome.Denied, json.TryGetProperty("correlationId", out _));
        Assert.Equal(outcome is ProvisioningOutcome.Failed or ProvisioningOutcome.UseStartFresh, json.TryGetProperty("result", out _));
        if (outcome == ProvisioningOutcome.UseStartFresh)
        {
            Assert.Contains("start fresh", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> WriteAsync(IResult result)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        return (await JsonDocument.ParseAsync(http.Response.Body)).RootElement.Clone();
    }
}
