// The README's "In an ASP.NET Core host" example, verbatim: it compiles here against the packages.
// README:BEGIN
using Ttn.Provisioning.AspNetCore.Messages;
using Ttn.Provisioning.AspNetCore.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTtnProvisioning(builder.Configuration.GetSection("Ttn")) // every option, validated at start
    .AddDevices();                                                           // device and gateway endpoints too
builder.Services.AddAuthentication().AddCookie(); // yours; its principal carries ttn_tenant, NameIdentifier, ttn_role
builder.Services.AddAuthorization();
builder.Services.AddProblemDetails();
builder.Services.AddTtnWebhooks().AddTtnMessageHandler<SensorData>();
builder.Services.AddHealthChecks().AddTtnProvisioning();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapTtnProvisioning("/ttn").RequireAuthorization();   // the panel's procedures, per tenant
app.MapTtnWebhooks("/ttn/webhook");                      // what TTS pushes: {base}/{tenant}, secret checked
app.MapHealthChecks("/health");
app.Run();

sealed class SensorData(ILogger<SensorData> logger) : ITtnMessageHandler
{
    public Task HandleAsync(TtnWebhookContext context, CancellationToken cancellationToken)
    {
        if (context.Message is UplinkMessage uplink)
        {
            logger.LogInformation("{Tenant}/{Device}: port {Port}, {Bytes} bytes", context.TenantId,
                uplink.EndDevice.DeviceId, uplink.FPort, uplink.FrmPayload.Length);
        }

        return Task.CompletedTask;
    }
}
// README:END
