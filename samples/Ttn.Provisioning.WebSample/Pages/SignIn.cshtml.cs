using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.WebSample.Demo;

namespace Ttn.Provisioning.WebSample.Pages;

/// <summary>SAMPLE ONLY: signs a demo user in (no password) and out.</summary>
public sealed class SignInModel(IOptions<TtnEndpointOptions> claims) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? user)
    {
        if (DemoUsers.Find(user) is not { } demo)
        {
            return BadRequest();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DemoUsers.Principal(demo, claims.Value));
        return LocalRedirect("/");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/SignIn");
    }
}
