namespace Crm.Web.Infrastructure;

public static class DemoCommand
{
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        _ = services;
        if (args.Count > 0)
        {
            throw new CommandLineException("demo takes no arguments.");
        }
        Console.Error.WriteLine("The demo book is not built yet.");
        return Task.FromResult(1);
    }
}
