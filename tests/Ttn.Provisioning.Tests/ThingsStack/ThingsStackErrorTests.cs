using System.Net;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

public sealed class ThingsStackErrorTests : IDisposable
{
    private const string IdTaken = """
        {"code":6,"message":"error:pkg/util/store:id_taken (ID already taken, choose a different one and try again)",
         "details":[{"@type":"type.googleapis.com/ttn.lorawan.v3.ErrorDetails","namespace":"pkg/util/store","name":"id_taken",
         "message_format":"ID already taken, choose a different one and try again","correlation_id":"5da004b9f61f479aafe5bbcae4551e63",
         "cause":{"namespace":"pkg/util/store","name":"already_exists","message_format":"already exists","code":6},"code":6}]}
        """;

    private readonly ThingsStackTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<ThingsStackException> CreateAppFailingWith(HttpStatusCode status, string? body)
    {
        _host.Stub.Enqueue(status, body);
        return Assert.ThrowsAsync<ThingsStackException>(() =>
            _host.Client.CreateApplicationInOrganizationAsync(ThingsStackTestHost.AdminKey, "acme-org", new Application { Ids = new ApplicationIdentifiers("app-1") }));
    }

    [Fact]
    public async Task An_id_taken_body_is_decoded_from_details_0()
    {
        var ex = await CreateAppFailingWith(HttpStatusCode.Conflict, IdTaken);

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Equal(6, ex.GrpcCode);
        Assert.Equal("pkg/util/store", ex.ErrorNamespace);
        Assert.Equal("id_taken", ex.ErrorName);
        Assert.Equal("already_exists", ex.CauseName);
        Assert.Equal("5da004b9f61f479aafe5bbcae4551e63", ex.CorrelationId);
        Assert.True(ex.IsAlreadyExists);
        Assert.False(ex.IsTransient);
        Assert.Equal("/organizations/{organization_id}/applications", ex.Route);
    }

    [Fact]
    public async Task Insufficient_rights_carry_their_attributes()
    {
        var ex = await CreateAppFailingWith(HttpStatusCode.Forbidden, """
            {"code":7,"details":[{"namespace":"pkg/auth/rights","name":"insufficient_application_rights","attributes":{"uid":"app-1","missing":["RIGHT_APPLICATION_DELETE"]},"code":7}]}
            """);

        Assert.True(ex.IsPermissionDenied);
        Assert.Equal("app-1", ex.Attributes["uid"]);
        Assert.Equal("""["RIGHT_APPLICATION_DELETE"]""", ex.Attributes["missing"]);
    }

    [Theory]
    [InlineData("pkg/auth/rights", "no_application_rights", nameof(ThingsStackException.IsNoApplicationRights))]
    [InlineData("pkg/auth/rights", "no_organization_rights", nameof(ThingsStackException.IsNoOrganizationRights))]
    [InlineData("pkg/identityserver", "application_has_devices", nameof(ThingsStackException.IsApplicationHasDevices))]
    [InlineData("pkg/identityserver", "end_device_euis_taken", nameof(ThingsStackException.IsEndDeviceEuisTaken))]
    [InlineData("pkg/identityserver", "api_key_not_found", nameof(ThingsStackException.IsApiKeyNotFoundOrExpired))]
    [InlineData("pkg/identityserver", "api_key_expired", nameof(ThingsStackException.IsApiKeyNotFoundOrExpired))]
    [InlineData("pkg/ratelimit", "rate_limit_exceeded", nameof(ThingsStackException.IsRateLimited))]
    [InlineData("pkg/identityserver", "admins_purge_applications", nameof(ThingsStackException.IsAdminOnly))]
    [InlineData("pkg/util/store", "already_exists", nameof(ThingsStackException.IsAlreadyExists))]
    [InlineData("pkg/identityserver/blocklist", "forbidden_id", nameof(ThingsStackException.IsForbiddenId))]
    public async Task Each_error_a_provisioner_must_recognise_has_a_helper(string ns, string name, string helper)
    {
        var ex = await CreateAppFailingWith(HttpStatusCode.BadRequest, $$"""{"code":3,"details":[{"namespace":"{{ns}}","name":"{{name}}"}]}""");

        Assert.True((bool)typeof(ThingsStackException).GetProperty(helper)!.GetValue(ex)!);
        Assert.True(ex.HasError(name, ns));
    }

    [Fact]
    public async Task A_non_json_body_is_kept_as_text_without_failing()
    {
        var ex = await CreateAppFailingWith(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Null(ex.ErrorName);
        Assert.True(ex.IsTransient);
        Assert.Equal("<html>bad gateway</html>", ex.ResponseBody);
    }

    [Fact]
    public async Task An_empty_body_gives_a_status_only_error()
    {
        var ex = await CreateAppFailingWith(HttpStatusCode.NotFound, null);

        Assert.True(ex.IsNotFound);
        Assert.Null(ex.ErrorName);
        Assert.Null(ex.ResponseBody);
    }

    [Fact]
    public async Task The_message_and_ToString_never_contain_the_api_key_or_the_request_body()
    {
        const string key = "NNSXS.SECRETKEYIDSECRETKEYIDSECRETKEYIDSEC.SECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECR";
        _host.Stub.Enqueue(HttpStatusCode.Unauthorized, $$$"""{"code":16,"message":"error for {{{key}}}","details":[{"namespace":"pkg/identityserver","name":"api_key_not_found","attributes":{"echo":"Bearer {{{key}}}"}}]}""");

        var ex = await Assert.ThrowsAsync<ThingsStackException>(() =>
            _host.Client.CreateApplicationApiKeyAsync(key, "app-1", "body-marker-name", [ThingsStackRights.ApplicationInfo]));

        Assert.True(ex.IsApiKeyNotFoundOrExpired);
        foreach (var text in new[] { ex.Message, ex.ToString(), ex.ResponseBody!, string.Join(",", ex.Attributes.Values) })
        {
            Assert.DoesNotContain("SECRET", text, StringComparison.Ordinal);
            Assert.DoesNotContain("body-marker-name", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_kept_body_is_bounded_and_key_shaped_strings_are_redacted()
    {
        var body = "NNSXS.ABC.DEF Bearer abc.def " + new string('x', 10_000);

        var ex = await CreateAppFailingWith(HttpStatusCode.InternalServerError, body);

        Assert.True(ex.ResponseBody!.Length <= ThingsStackException.MaxResponseBodyLength);
        Assert.StartsWith("NNSXS.[REDACTED] Bearer [REDACTED]", ex.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_carry_the_route_template_and_never_the_key()
    {
        _host.Stub.Enqueue(HttpStatusCode.Conflict, IdTaken);

        await Assert.ThrowsAsync<ThingsStackException>(() =>
            _host.Client.CreateApplicationInOrganizationAsync(ThingsStackTestHost.AdminKey, "acme-org", new Application { Ids = new ApplicationIdentifiers("app-1") }));

        var records = _host.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("/organizations/{organization_id}/applications", StringComparison.Ordinal)
            && r.Message.Contains("5da004b9f61f479aafe5bbcae4551e63", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains("NNSXS", StringComparison.Ordinal));
    }
}
