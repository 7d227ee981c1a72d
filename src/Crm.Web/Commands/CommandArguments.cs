using System.Globalization;

namespace Crm.Web.Commands;

/// <summary>Reads "--name value" pairs of a maintenance command; anything unexpected is a usage error.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandArguments(IReadOnlyList<string> args, params string[] allowed)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(name[2..]))
            {
                throw new CommandLineException($"Unexpected argument '{name}'.");
            }
            if (i + 1 >= args.Count)
            {
                throw new CommandLineException($"{name} needs a value.");
            }
            _values[name[2..]] = args[++i];
        }
    }

    public string? String(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback, int min, int max)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new CommandLineException($"--{name} must be a whole number from {min:N0} to {max:N0}.");
        }
        return value;
    }
}
