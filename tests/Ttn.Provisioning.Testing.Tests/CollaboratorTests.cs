using System.Net;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Tests;

public class CollaboratorTests
{
    private static StringContent UserCollaborator(string userId, params string[] rights) => FakeTts.Json(
        new JsonObject
        {
            ["collaborator"] = new JsonObject
            {
                ["ids"] = new JsonObject { ["user_ids"] = new JsonObject { ["user_id"] = userId } },
                ["rights"] = new JsonArray([.. rights.Select(r => (JsonNode)r)]),
            },
        }.ToJsonString());

    private static async Task<string> ErrorNameAsync(HttpResponseMessage response) =>
        (await FakeTts.Body(response))["details"]![0]!["name"]!.GetValue<string>();

    [Fact]
    public async Task A_user_can_make_another_user_a_member_of_an_organization_it_created_and_that_user_then_holds_its_rights()
    {
        await using var tts = new FakeTts();
        tts.Stack.AddUser("mallory");
        var malloryKey = tts.Stack.CreateUserApiKey("mallory", "RIGHT_ALL");
        using var mallory = tts.Client(malloryKey, validate: true);
        (await mallory.PostAsync("/api/v3/users/mallory/organizations",
            FakeTts.Json("""{"organization":{"ids":{"organization_id":"tp-acme"}}}""")))
            .EnsureSuccessStatusCode();

        (await mallory.PutAsync("/api/v3/organizations/tp-acme/collaborators", UserCollaborator("alice", "RIGHT_ORGANIZATION_ALL")))
            .EnsureSuccessStatusCode();
        using var alice = tts.Client(tts.AliceKey, validate: true);
        var rights = await FakeTts.Body(await alice.GetAsync("/api/v3/organizations/tp-acme/rights"));

        Assert.Contains("RIGHT_ORGANIZATION_APPLICATIONS_CREATE", rights["rights"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["alice", "mallory"], tts.Stack.Organizations.Single(o => o.Id == "tp-acme").UserCollaborators.Order());
    }

    [Fact]
    public async Task The_collaborator_list_shows_rights_as_written_and_the_total()
    {
        await using var tts = new FakeTts();
        tts.Stack.AddUser("bob");
        await tts.CreateOrganizationAsync("acme");
        using var alice = tts.Client(tts.AliceKey, validate: true);
        (await alice.PutAsync("/api/v3/organizations/acme/collaborators",
            UserCollaborator("bob", "RIGHT_ORGANIZATION_INFO"))).EnsureSuccessStatusCode();

        var response = await alice.GetAsync("/api/v3/organizations/acme/collaborators?limit=1&page=2");

        Assert.Equal("2", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        var collaborator = Assert.Single((await FakeTts.Body(response))["collaborators"]!.AsArray())!;
        Assert.Equal("bob", collaborator["ids"]!["user_ids"]!["user_id"]!.GetValue<string>());
        Assert.Equal("RIGHT_ORGANIZATION_INFO", Assert.Single(collaborator["rights"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_members_right_the_list_shows_identifiers_only()
    {
        await using var tts = new FakeTts();
        tts.Stack.AddUser("bob");
        await tts.CreateOrganizationAsync("acme");
        using var alice = tts.Client(tts.AliceKey, validate: true);
        (await alice.PutAsync("/api/v3/organizations/acme/collaborators",
            UserCollaborator("bob", "RIGHT_ORGANIZATION_INFO"))).EnsureSuccessStatusCode();
        using var bob = tts.Client(tts.Stack.CreateUserApiKey("bob", "RIGHT_ALL"), validate: true);

        var response = await bob.GetAsync("/api/v3/organizations/acme/collaborators");

        Assert.All((await FakeTts.Body(response))["collaborators"]!.AsArray(), c => Assert.Null(c!["rights"]));
    }

    [Fact]
    public async Task Granting_rights_the_caller_does_not_hold_is_403_insufficient_rights()
    {
        await using var tts = new FakeTts();
        tts.Stack.AddUser("bob");
        tts.Stack.AddUser("carol");
        await tts.CreateOrganizationAsync("acme");
        using var alice = tts.Client(tts.AliceKey, validate: true);
        (await alice.PutAsync("/api/v3/organizations/acme/collaborators",
            UserCollaborator("bob", "RIGHT_ORGANIZATION_SETTINGS_MEMBERS", "RIGHT_ORGANIZATION_INFO"))).EnsureSuccessStatusCode();
        using var bob = tts.Client(tts.Stack.CreateUserApiKey("bob", "RIGHT_ALL"), validate: true);

        var response = await bob.PutAsync("/api/v3/organizations/acme/collaborators",
            UserCollaborator("carol", "RIGHT_ORGANIZATION_DELETE"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("insufficient_organization_rights", await ErrorNameAsync(response));
    }

    [Fact]
    public async Task The_last_collaborator_with_all_rights_cannot_lose_them()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        using var alice = tts.Client(tts.AliceKey, validate: true);

        var response = await alice.PutAsync("/api/v3/applications/acme-app/collaborators", FakeTts.Json("""
            {"collaborator":{"ids":{"organization_ids":{"organization_id":"acme"}},"rights":["RIGHT_APPLICATION_INFO"]}}
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application_needs_collaborator", await ErrorNameAsync(response));
    }

    [Fact]
    public async Task A_contact_cannot_be_removed_as_collaborator()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        tts.Stack.AddUser("bob");
        using var alice = tts.Client(tts.AliceKey, validate: true);
        (await alice.PutAsync("/api/v3/organizations/acme/collaborators",
            UserCollaborator("bob", "RIGHT_ORGANIZATION_ALL"))).EnsureSuccessStatusCode();

        var response = await alice.DeleteAsync("/api/v3/organizations/acme/collaborators/user/alice");

        Assert.Equal("collaborator_is_contact", await ErrorNameAsync(response));
    }

    [Fact]
    public async Task A_removed_member_loses_its_rights()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        tts.Stack.AddUser("bob");
        using var alice = tts.Client(tts.AliceKey, validate: true);
        (await alice.PutAsync("/api/v3/organizations/acme/collaborators",
            UserCollaborator("bob", "RIGHT_ORGANIZATION_INFO"))).EnsureSuccessStatusCode();
        using var bob = tts.Client(tts.Stack.CreateUserApiKey("bob", "RIGHT_ALL"), validate: true);

        (await alice.DeleteAsync("/api/v3/organizations/acme/collaborators/user/bob")).EnsureSuccessStatusCode();
        var rights = await FakeTts.Body(await bob.GetAsync("/api/v3/organizations/acme/rights"));

        Assert.Null(rights["rights"]);
    }

    [Fact]
    public async Task Organizations_cannot_be_members_of_organizations()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateOrganizationAsync("other");
        using var alice = tts.Client(tts.AliceKey, validate: true);

        var response = await alice.PutAsync("/api/v3/organizations/acme/collaborators", FakeTts.Json("""
            {"collaborator":{"ids":{"organization_ids":{"organization_id":"other"}},"rights":["RIGHT_ORGANIZATION_INFO"]}}
            """));

        Assert.Equal("nested_organizations", await ErrorNameAsync(response));
    }

    [Fact]
    public async Task An_application_collaborator_is_read_back_one_by_one_and_an_unknown_one_is_404()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        using var alice = tts.Client(tts.AliceKey, validate: true);

        var organization = await FakeTts.Body(await alice.GetAsync("/api/v3/applications/acme-app/collaborator/organization/acme"));
        var unknown = await alice.GetAsync("/api/v3/applications/acme-app/collaborator/user/alice");

        Assert.Equal("RIGHT_ALL", Assert.Single(organization["rights"]!.AsArray())!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("membership_not_found", await ErrorNameAsync(unknown));
    }

    [Fact]
    public async Task Making_an_unknown_user_a_collaborator_is_404_account_not_found()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        using var alice = tts.Client(tts.AliceKey, validate: true);

        var response = await alice.PutAsync("/api/v3/organizations/acme/collaborators",
            UserCollaborator("nobody", "RIGHT_ORGANIZATION_INFO"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("account_not_found", await ErrorNameAsync(response));
    }
}
