namespace Crm.Web.Infrastructure;

public static class GenerateCommand
{
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        _ = services;
        _ = args;
        Console.Error.WriteLine("generate is not built yet.");
        return Task.FromResult(1);
    }
}
