using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Crm.Web.Infrastructure;

/// <summary>
/// Paths of actions, routed once per shape and then filled in: the first call for an action, its value names and the
/// path base routes with placeholder numbers and keeps the result with holes where the numbers went; later calls put
/// their numbers in the holes. On the pages every request opens (the contact page, the layout) a route lookup per
/// link was ~0.3% of the request each (docs/performance.md, "Per-request cost"; decision 0027).
/// </summary>
/// <remarks>
/// The result is what <see cref="LinkGenerator"/> gives for the same values <b>without ambient values</b>: every route
/// value the action needs must be passed (no "current book" taken from the request). Whole numbers (<c>int</c>, or a
/// null <c>int?</c>) become holes; any other value (a string, an enum) is part of the shape, so a shape with a
/// user's text in it is kept only while the cache has room (<see cref="MaxShapes"/>), else routed every time. A shape
/// whose placeholders do not come out exactly once each (a route constraint that rejects them, a number repeated)
/// is routed every time too, so a pattern never changes what routing would have given.
/// </remarks>
public sealed class RoutePatterns(LinkGenerator links)
{
    /// <summary>Bounds the memory a shape with free text (a tag in a query) can take.</summary>
    public const int MaxShapes = 2048;

    private readonly ConcurrentDictionary<string, Pattern?> _patterns = new(StringComparer.Ordinal);

    /// <summary>The path of <paramref name="action"/> on <paramref name="controller"/> for the request's path base.</summary>
    public string Path(HttpContext context, string action, string controller, object? values = null) =>
        Path(context.Request.PathBase, action, controller, values);

    public string Path(PathString pathBase, string action, string controller, object? values = null)
    {
        var routeValues = values as RouteValueDictionary ?? new RouteValueDictionary(values);
        var key = Shape(pathBase, action, controller, routeValues, out var holes);
        if (!_patterns.TryGetValue(key, out var pattern))
        {
            pattern = Pattern.Route(links, pathBase, action, controller, routeValues);
            if (_patterns.Count < MaxShapes)
            {
                _patterns.TryAdd(key, pattern);
            }
        }
        return pattern is null || pattern.Holes != holes
            ? Route(links, pathBase, action, controller, routeValues)
            : pattern.Fill(routeValues);
    }

    private static string Route(LinkGenerator links, PathString pathBase, string action, string controller, RouteValueDictionary values) =>
        links.GetPathByAction(action, controller, values, pathBase)
        ?? throw new InvalidOperationException($"No route to {controller}.{action}.");

    /// <summary>The cache key: action, controller, path base, and per value its name and either "#" (a hole) or the value.</summary>
    private static string Shape(PathString pathBase, string action, string controller, RouteValueDictionary values, out int holes)
    {
        holes = 0;
        var key = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        key.AppendFormatted(action);
        key.AppendLiteral("|");
        key.AppendFormatted(controller);
        key.AppendLiteral("|");
        key.AppendFormatted(pathBase.Value);
        foreach (var (name, value) in values)
        {
            key.AppendLiteral("|");
            key.AppendFormatted(name);
            switch (value)
            {
                case int:
                    holes++;
                    key.AppendLiteral("#");
                    break;
                case null:
                    key.AppendLiteral("-");
                    break;
                default:
                    // Length first, so no value can be read as the start of another name.
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                    key.AppendLiteral("=");
                    key.AppendFormatted(text.Length);
                    key.AppendLiteral(":");
                    key.AppendFormatted(text);
                    break;
            }
        }
        return key.ToStringAndClear();
    }

    /// <summary>A routed path cut at its placeholders: one more part than there are holes.</summary>
    private sealed class Pattern(string[] parts, string[] holeNames)
    {
        public int Holes => holeNames.Length;

        public string Fill(RouteValueDictionary values)
        {
            if (holeNames.Length == 0)
            {
                return parts[0];
            }
            var pieces = new string[parts.Length + holeNames.Length];
            for (var i = 0; i < holeNames.Length; i++)
            {
                pieces[2 * i] = parts[i];
                pieces[2 * i + 1] = ((int)values[holeNames[i]]!).ToString(CultureInfo.InvariantCulture);
            }
            pieces[^1] = parts[^1];
            return string.Concat(pieces);
        }

        /// <summary>Routes with a distinct placeholder per whole number; null when a placeholder is not found exactly once.</summary>
        public static Pattern? Route(LinkGenerator links, PathString pathBase, string action, string controller, RouteValueDictionary values)
        {
            var placeholders = new RouteValueDictionary();
            var holes = new List<(string Name, string Placeholder)>();
            foreach (var (name, value) in values)
            {
                if (value is int)
                {
                    // Ten digits each, so no placeholder is part of another.
                    var placeholder = int.MaxValue - holes.Count;
                    holes.Add((name, placeholder.ToString(CultureInfo.InvariantCulture)));
                    placeholders[name] = placeholder;
                }
                else
                {
                    placeholders[name] = value;
                }
            }
            var routed = links.GetPathByAction(action, controller, placeholders, pathBase);
            if (routed is null)
            {
                return null;
            }
            var found = new List<(int At, string Name, int Length)>();
            foreach (var (name, placeholder) in holes)
            {
                var at = routed.IndexOf(placeholder, StringComparison.Ordinal);
                if (at < 0 || routed.IndexOf(placeholder, at + placeholder.Length, StringComparison.Ordinal) >= 0)
                {
                    return null;
                }
                found.Add((at, name, placeholder.Length));
            }
            found.Sort((a, b) => a.At.CompareTo(b.At));
            var parts = new string[found.Count + 1];
            var from = 0;
            for (var i = 0; i < found.Count; i++)
            {
                parts[i] = routed[from..found[i].At];
                from = found[i].At + found[i].Length;
            }
            parts[^1] = routed[from..];
            return new Pattern(parts, found.Select(f => f.Name).ToArray());
        }
    }
}
