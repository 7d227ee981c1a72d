using System.Collections.Concurrent;
using System.Data.Common;
using Crm.Core.Data;
using Crm.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.IntegrationTests.Operations;

/// <summary>
/// Records the SQL of every command EF Core runs, with the path of the request that ran it. Keyed by path, so work
/// outside the request under test (another test's arrange, the data-protection key ring) does not count.
/// </summary>
public sealed class SqlCommandLog : DbCommandInterceptor
{
    // HttpContextAccessor reads an AsyncLocal shared by every instance: this one sees the app's current request.
    private readonly HttpContextAccessor _http = new();
    private readonly ConcurrentQueue<(string Path, string Sql)> _commands = new();

    /// <summary>The SQL texts run while serving <paramref name="path"/> (path only, no query string).</summary>
    public IReadOnlyList<string> For(string path) => _commands.Where(c => c.Path == path).Select(c => c.Sql).ToList();

    public void Clear() => _commands.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) =>
        _commands.Enqueue((_http.HttpContext?.Request.Path.Value ?? "", command.CommandText));
}

/// <summary>The app with <see cref="SqlCommandLog"/> added to the (pooled) CrmDbContext's options.</summary>
public sealed class SqlCountingFactory : CrmFactory
{
    public SqlCommandLog Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // ConfigureDbContext adds to the options AddDbContextPool registered, without replacing the registration.
        builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<CrmDbContext>(options => options.AddInterceptors(Commands), ServiceLifetime.Singleton));
    }
}
