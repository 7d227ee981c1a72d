using Crm.Web.Commands;
using Crm.Web.Features.Benchmark;
using Crm.Web.Infrastructure;

// `dotnet run --project src/Crm.Web -- demo|generate ...` runs a maintenance command against the configured database
// and exits; anything else starts the web app. Only "--Key=Value" arguments reach configuration.
var command = CommandLine.Parse(args);
if (command.Error is not null)
{
    Console.Error.WriteLine(command.Error);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}
var builder = WebApplication.CreateBuilder(command.ConfigurationArgs);
builder.Services.AddCrm(builder.Configuration, builder.Environment);
var app = builder.Build();

await app.MigrateIfConfiguredAsync();
if (command.Name is not null)
{
    return await command.RunAsync(app);
}

app.UseCrm();
app.MapBenchmarkRawPages();
await app.RunAsync();
return 0;

/// <summary>The entry point type, public for WebApplicationFactory.</summary>
public partial class Program;
