using Crm.Web.Commands;

namespace Crm.UnitTests.Domain;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_NoArguments_StartsTheWebApp()
    {
        var command = CommandLine.Parse([]);

        Assert.Null(command.Name);
        Assert.Null(command.Error);
    }

    [Fact]
    public void Parse_HostArguments_GoToConfiguration()
    {
        var command = CommandLine.Parse(["--urls", "http://127.0.0.1:5000", "--Database:Provider=Sqlite"]);

        Assert.Null(command.Name);
        Assert.Equal(["--urls", "http://127.0.0.1:5000", "--Database:Provider=Sqlite"], command.ConfigurationArgs);
    }

    [Fact]
    public void Parse_Generate_SeparatesItsArgumentsFromConfiguration()
    {
        var command = CommandLine.Parse(["generate", "--contacts", "10", "--ConnectionStrings:Crm=Data Source=x.db"]);

        Assert.Equal("generate", command.Name);
        Assert.Equal(["--contacts", "10"], command.CommandArgs);
        Assert.Equal(["--ConnectionStrings:Crm=Data Source=x.db"], command.ConfigurationArgs);
    }

    [Fact]
    public void Parse_UnknownCommand_IsAnError()
    {
        var command = CommandLine.Parse(["frobnicate"]);

        Assert.Equal("Unknown command 'frobnicate'.", command.Error);
    }
}
