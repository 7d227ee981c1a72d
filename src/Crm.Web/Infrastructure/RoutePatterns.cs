using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Extensions.Options;

namespace Crm.Web.Infrastructure;

/// <summary>
/// Paths of actions, routed once per shape and then filled in: the first call for an action, its route values' names
/// and the path base routes with placeholder numbers and keeps the path with holes where the numbers went; later calls
/// put their numbers in the holes. On the pages every request opens (the contact page, the layout) a route lookup per
/// link was ~0.3% of the request each (docs/performance.md, "Per-request cost"; decision 0027).
/// </summary>
/// <remarks>
/// The result is what <see cref="LinkGenerator"/> gives for the same values <b>without ambient values</b>: every route
/// value the action needs must be passed (no "current book" taken from the request).
/// <list type="bullet">
/// <item>A hole is a route parameter of the action's one route that takes any whole number (no constraint but
/// <c>int</c>, no default) and is given an <c>int</c>. Any other route value is part of the shape, by value.</item>
/// <item>Values that are not route parameters become the query, in their order, encoded as routing encodes them
/// (null and empty values left out); they are not part of the shape, so a tag or a search text adds no shape.</item>
/// <item>An action with several route templates (or none), a value that is a list, or routing that lowercases query strings
/// is routed every time, as is a shape whose placeholders do not come out exactly once each in the routed path, and
/// any new shape once <see cref="MaxShapes"/> are kept.</item>
/// </list>
/// </remarks>
public sealed class RoutePatterns(LinkGenerator links, EndpointDataSource endpoints, IOptions<RouteOptions> routeOptions)
{
    /// <summary>Bounds the shapes a route parameter taking text could add (this app's routes take only numbers).</summary>
    public const int MaxShapes = 2048;

    private readonly ConcurrentDictionary<string, Pattern?> _patterns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Action, string Controller), ActionRoute?> _routes = new();
    private int _shapes;

    /// <summary>How many shapes are kept (for tests: that links are filled in rather than routed).</summary>
    internal int Shapes => Volatile.Read(ref _shapes);

    /// <summary>The path of <paramref name="action"/> on <paramref name="controller"/> for the request's path base.</summary>
    public string Path(HttpContext context, string action, string controller, object? values = null) =>
        Path(context.Request.PathBase, action, controller, values);

    public string Path(PathString pathBase, string action, string controller, object? values = null)
    {
        var routeValues = values as RouteValueDictionary ?? new RouteValueDictionary(values);
        return PatternFor(pathBase, action, controller, routeValues) is ({ } pattern, { } route)
            ? pattern.Fill(routeValues) + Query(routeValues, route.Parameters)
            : Route(pathBase, action, controller, routeValues);
    }

    /// <summary>
    /// Paths that differ only in the whole number <paramref name="name"/> (a page's "Delete" links): the shape is
    /// looked up and the query written once for all of them.
    /// </summary>
    public Func<int, string> PathsBy(PathString pathBase, string action, string controller, RouteValueDictionary values, string name)
    {
        var sample = new RouteValueDictionary(values) { [name] = 0 };
        if (PatternFor(pathBase, action, controller, sample) is not ({ } pattern, { } route) || !route.Holes.Contains(name))
        {
            return number => Route(pathBase, action, controller, new RouteValueDictionary(sample) { [name] = number });
        }
        var query = Query(sample, route.Parameters);
        return number => pattern.Fill(new RouteValueDictionary(sample) { [name] = number }) + query;
    }

    /// <summary>
    /// The values written as routing writes the values that are not route parameters after the path: in their order,
    /// null and empty ones left out, names and values URL-encoded. Empty when there are none.
    /// </summary>
    public static string Query(IEnumerable<KeyValuePair<string, object?>> values, IReadOnlySet<string>? routeParameters = null)
    {
        List<KeyValuePair<string, string?>>? query = null;
        foreach (var (name, value) in values)
        {
            if (routeParameters?.Contains(name) == true || name is "action" or "controller")
            {
                continue;
            }
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (!string.IsNullOrEmpty(text))
            {
                (query ??= []).Add(KeyValuePair.Create(name, (string?)text));
            }
        }
        return query is null ? "" : QueryString.Create(query).Value!;
    }

    /// <summary>
    /// The action's route and the shape's pattern; null when the link is routed every time (an action with several
    /// route templates, routing that lowercases query strings, a list value, a shape not kept).
    /// </summary>
    private (Pattern Pattern, ActionRoute Route)? PatternFor(PathString pathBase, string action, string controller, RouteValueDictionary values)
    {
        var route = _routes.GetOrAdd((action, controller), key => ActionRoute.Find(endpoints, key.Action, key.Controller));
        if (route is null || routeOptions.Value.LowercaseQueryStrings || HasList(values))
        {
            return null;
        }
        return Find(pathBase, action, controller, values, route) is { } pattern ? (pattern, route) : null;
    }

    /// <summary>The shape's pattern, made on its first use; null when it is routed every time.</summary>
    private Pattern? Find(PathString pathBase, string action, string controller, RouteValueDictionary values, ActionRoute route)
    {
        var key = Shape(pathBase, action, controller, values, route);
        if (!_patterns.TryGetValue(key, out var pattern))
        {
            if (Volatile.Read(ref _shapes) >= MaxShapes)
            {
                return null;
            }
            pattern = Pattern.Route(links, pathBase, action, controller, values, route);
            if (_patterns.TryAdd(key, pattern))
            {
                Interlocked.Increment(ref _shapes);
            }
        }
        return pattern;
    }

    /// <summary>A list value: routing writes it as repeated query keys; such links are routed every time.</summary>
    private static bool HasList(RouteValueDictionary values)
    {
        foreach (var (_, value) in values)
        {
            if (value is IEnumerable and not string)
            {
                return true;
            }
        }
        return false;
    }

    private string Route(PathString pathBase, string action, string controller, RouteValueDictionary values) =>
        links.GetPathByAction(action, controller, values, pathBase)
        ?? throw new InvalidOperationException($"No route to {controller}.{action}.");

    /// <summary>
    /// The cache key: action, controller, path base, and per route value its name and either "#" (a hole) or its
    /// value; every part length-prefixed, so no part can be read as the start of another.
    /// </summary>
    private static string Shape(PathString pathBase, string action, string controller, RouteValueDictionary values, ActionRoute route)
    {
        var key = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        Part(ref key, action);
        Part(ref key, controller);
        Part(ref key, pathBase.Value ?? "");
        foreach (var (name, value) in values)
        {
            if (!route.Parameters.Contains(name))
            {
                continue;
            }
            Part(ref key, name);
            if (value is int && route.Holes.Contains(name))
            {
                key.AppendLiteral("#");
            }
            else
            {
                Part(ref key, value is null ? "-" : "=" + Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }
        return key.ToStringAndClear();

        static void Part(ref DefaultInterpolatedStringHandler key, string text)
        {
            key.AppendFormatted(text.Length);
            key.AppendLiteral(":");
            key.AppendFormatted(text);
        }
    }

    /// <summary>The route parameters of an action that has exactly one route template, and which of them can be holes.</summary>
    private sealed record ActionRoute(HashSet<string> Parameters, HashSet<string> Holes)
    {
        public static ActionRoute? Find(EndpointDataSource endpoints, string action, string controller)
        {
            var routes = endpoints.Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { } descriptor
                    && string.Equals(descriptor.ActionName, action, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(descriptor.ControllerName, controller, StringComparison.OrdinalIgnoreCase))
                .Select(e => e.RoutePattern)
                // A GET and a POST action of one name (Edit, Delete) share their route.
                .DistinctBy(pattern => pattern.RawText, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (routes.Count != 1)
            {
                return null;
            }
            var parameters = routes[0].Parameters;
            return new ActionRoute(
                parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
                parameters.Where(p => p.Default is null && !p.IsOptional && !p.IsCatchAll
                        && p.ParameterPolicies.All(policy => policy.ParameterPolicy is IntRouteConstraint || policy.Content == "int"))
                    .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>A routed path cut at its placeholders: one more part than there are holes.</summary>
    private sealed class Pattern(string[] parts, string[] holeNames)
    {
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

        /// <summary>
        /// Routes the route values only (no query), with a distinct placeholder per hole; null when the path has a
        /// query or a placeholder is not found exactly once.
        /// </summary>
        public static Pattern? Route(LinkGenerator links, PathString pathBase, string action, string controller,
            RouteValueDictionary values, ActionRoute route)
        {
            var placeholders = new RouteValueDictionary();
            var holes = new List<(string Name, string Placeholder)>();
            foreach (var (name, value) in values)
            {
                if (!route.Parameters.Contains(name))
                {
                    continue;
                }
                if (value is int && route.Holes.Contains(name))
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
            if (routed is null || routed.Contains('?', StringComparison.Ordinal))
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
