using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Crm.Web.Infrastructure.Logging;

/// <summary>
/// The console/text log format. One event is one line: user text inside it (a form key, a path, an e-mail address)
/// has its line breaks and other control characters escaped, so nobody can write a line that looks like another
/// event (log forging) or send terminal escape sequences. An exception follows on lines indented by four spaces, so a
/// line starting with "[" is always a real event. Named in appsettings.json as the Console sink's formatter.
/// </summary>
public sealed class EscapingTextFormatter : ITextFormatter
{
    public const string LineTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}";

    private readonly MessageTemplateTextFormatter _line = new(LineTemplate, CultureInfo.InvariantCulture);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        var line = new StringWriter(CultureInfo.InvariantCulture);
        _line.Format(logEvent, line);
        output.WriteLine(Escape(line.ToString()));
        if (logEvent.Exception is not null)
        {
            foreach (var exceptionLine in logEvent.Exception.ToString().Split('\n'))
            {
                output.Write("    ");
                output.WriteLine(Escape(exceptionLine.TrimEnd('\r')));
            }
        }
    }

    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when char.IsControl(c) => $@"\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
