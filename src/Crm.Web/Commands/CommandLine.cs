namespace Crm.Web.Commands;

/// <summary>
/// Splits the process arguments into a maintenance command (README, "Maintenance commands") and "--Key=Value" configuration overrides.
/// </summary>
public sealed class CommandLine
{
    public const string Usage = """
        Usage:
          dotnet run --project src/Crm.Web                          start the web app
          dotnet run --project src/Crm.Web -- demo [--reset-password]
                                                                    add a small demo book owned by demo@example.com
                                                                    (once; a re-run says it is there)
          dotnet run --project src/Crm.Web -- generate --contacts N --entries M [--owner EMAIL --password PW]
                                                                    add a large book for benchmarks
        Configuration can be overridden with --Key=Value (e.g. --Database:Provider=SqlServer).
        """;

    private static readonly string[] Known = ["demo", "generate"];

    public string? Name { get; private init; }

    /// <summary>Why the arguments cannot be run, or null; Program prints it with <see cref="Usage"/> and exits 2.</summary>
    public string? Error { get; private init; }
    public IReadOnlyList<string> CommandArgs { get; private init; } = [];
    public string[] ConfigurationArgs { get; private init; } = [];

    public static CommandLine Parse(string[] args)
    {
        // A command is the first argument; without one, every argument is the host's (--urls X, --Key=Value, ...).
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new CommandLine { ConfigurationArgs = args };
        }
        if (!Known.Contains(args[0]))
        {
            return new CommandLine { Error = $"Unknown command '{args[0]}'." };
        }
        var rest = args.Skip(1).ToList();
        var configuration = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        return new CommandLine { Name = args[0], CommandArgs = rest.Except(configuration).ToList(), ConfigurationArgs = configuration };
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            return Name switch
            {
                "demo" => await DemoCommand.RunAsync(app.Services, CommandArgs),
                "generate" => await GenerateCommand.RunAsync(app.Services, CommandArgs),
                _ => 2,
            };
        }
        catch (CommandLineException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}

public sealed class CommandLineException(string message) : Exception(message);
