using Ttn.Provisioning.Tests.Shared.OpenApi;

namespace Ttn.Provisioning.Tests.ThingsStack;

public sealed class OpenApiRequestValidatorTests
{
    private readonly OpenApiRequestValidator _validator = OpenApiRequestValidator.Shared.CreateRecorder();

    private static readonly Uri _webhook = new("https://nam1.cloud.thethings.network/api/v3/as/webhooks/app-1/hook-1");

    [Fact]
    public void A_body_property_missing_from_the_schema_is_named()
    {
        var ex = Assert.Throws<OpenApiMismatchException>(() =>
            _validator.Validate("PUT", _webhook, """{"webhook":{"ids":{"webhook_id":"hook-1"},"base_uri":"https://x"},"field_mask":"base_url"}"""));

        Assert.Equal("PUT", ex.Method);
        Assert.Contains("webhook.base_uri", ex.Problem, StringComparison.Ordinal);
        Assert.Single(_validator.Mismatches);
    }

    [Fact]
    public void A_field_mask_in_object_form_does_not_match_the_string_schema()
        => Assert.Throws<OpenApiMismatchException>(() =>
            _validator.Validate("PUT", _webhook, """{"webhook":{"ids":{"webhook_id":"hook-1"}},"field_mask":{"paths":["base_url"]}}"""));

    [Fact]
    public void An_unknown_path_or_method_is_refused()
    {
        Assert.Throws<OpenApiMismatchException>(() => _validator.Validate("GET", new Uri("https://h/api/v3/nope"), null));
        Assert.Throws<OpenApiMismatchException>(() => _validator.Validate("PATCH", new Uri("https://h/api/v3/auth_info"), null));
        Assert.Throws<OpenApiMismatchException>(() => _validator.Validate("GET", new Uri("https://h/auth_info"), null));
    }

    [Fact]
    public void An_unknown_right_is_refused_by_the_enum()
        => Assert.Throws<OpenApiMismatchException>(() =>
            _validator.Validate("POST", new Uri("https://h/api/v3/applications/app-1/api-keys"), """{"name":"k","rights":["RIGHT_NOPE"]}"""));

    [Fact]
    public void Additional_properties_maps_accept_any_key()
        => _validator.Validate("PUT", _webhook, """{"webhook":{"ids":{"webhook_id":"hook-1"},"headers":{"X-Any":"v"}},"field_mask":"headers"}""");
}
