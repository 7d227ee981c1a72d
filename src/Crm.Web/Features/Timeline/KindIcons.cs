using System.Collections.Frozen;
using Crm.Core.Interactions;
using Microsoft.AspNetCore.Html;

namespace Crm.Web.Features.Timeline;

/// <summary>
/// The round icon of an interaction kind (timeline entries, the quick log's type choice, the book home, the delete
/// page). Each icon is a <c>&lt;use&gt;</c> of a symbol in <see cref="Sprite"/>, which the layout writes once per page:
/// a timeline page shows 20 entries, and drawing every entry's shapes again made the page ~10 KB larger, to write
/// and to send, on every request (docs/performance.md, "2026-11-26: the floor under the contact page"). The stroke style
/// is in site.css (<c>.kind-icon svg</c>). Built once per kind and reused: a partial view per timeline entry cost a view
/// lookup and a render every time (docs/performance.md, "Per-request cost").
/// The kind's word is always shown beside the icon, so the icon is decoration for screen readers (aria-hidden).
/// </summary>
public static class KindIcons
{
    private static readonly FrozenDictionary<InteractionKind, HtmlString> Icons =
        Enum.GetValues<InteractionKind>().ToFrozenDictionary(kind => kind, kind => new HtmlString(Render(kind)));

    /// <summary>The symbols the icons draw (and the timeline's delete icon, <see cref="Delete"/>); in the layout, once per page.</summary>
    public static readonly HtmlString Sprite = new(
        "<svg class=\"icon-sprite\" aria-hidden=\"true\" focusable=\"false\">" +
        string.Concat(Enum.GetValues<InteractionKind>().Select(kind => $"<symbol id=\"icon-{kind}\" viewBox=\"0 0 24 24\">{Shapes(kind)}</symbol>")) +
        $"<symbol id=\"icon-delete\" viewBox=\"0 0 24 24\">{DeleteShapes}</symbol>" +
        "</svg>");

    /// <summary>The timeline entry's delete icon (a trash can), drawn from <see cref="Sprite"/>.</summary>
    public static readonly HtmlString Delete = new(
        "<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#icon-delete\" /></svg>");

    private const string DeleteShapes =
        "<polyline points=\"3 6 5 6 21 6\" /><path d=\"M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6\" /><path d=\"M10 11v6M14 11v6M9 6V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2\" />";

    public static IHtmlContent For(InteractionKind kind) =>
        Icons.TryGetValue(kind, out var icon) ? icon : new HtmlString(Render(kind));

    private static string Render(InteractionKind kind) =>
        $"<span class=\"kind-icon kind-{kind}\" aria-hidden=\"true\"><svg viewBox=\"0 0 24 24\" focusable=\"false\"><use href=\"#icon-{(Enum.IsDefined(kind) ? kind : InteractionKind.Other)}\" /></svg></span>";

    private static string Shapes(InteractionKind kind) => kind switch
    {
        InteractionKind.Call =>
            "<path d=\"M22 16.92v3a2 2 0 0 1-2.18 2 19.79 19.79 0 0 1-8.63-3.07 19.5 19.5 0 0 1-6-6 19.79 19.79 0 0 1-3.07-8.67A2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72c.13.96.36 1.9.7 2.81a2 2 0 0 1-.45 2.11L8.09 9.91a16 16 0 0 0 6 6l1.27-1.27a2 2 0 0 1 2.11-.45c.91.34 1.85.57 2.81.7A2 2 0 0 1 22 16.92z\" />",
        InteractionKind.Email =>
            "<path d=\"M4 4h16c1.1 0 2 .9 2 2v12c0 1.1-.9 2-2 2H4c-1.1 0-2-.9-2-2V6c0-1.1.9-2 2-2z\" /><polyline points=\"22,6 12,13 2,6\" />",
        InteractionKind.Meeting =>
            "<path d=\"M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2\" /><circle cx=\"9\" cy=\"7\" r=\"4\" /><path d=\"M23 21v-2a4 4 0 0 0-3-3.87\" /><path d=\"M16 3.13a4 4 0 0 1 0 7.75\" />",
        InteractionKind.Note =>
            "<path d=\"M12 20h9\" /><path d=\"M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4L16.5 3.5z\" />",
        InteractionKind.Letter =>
            "<path d=\"M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z\" /><polyline points=\"14 2 14 8 20 8\" /><line x1=\"16\" y1=\"13\" x2=\"8\" y2=\"13\" /><line x1=\"16\" y1=\"17\" x2=\"8\" y2=\"17\" />",
        _ => "<circle cx=\"12\" cy=\"12\" r=\"1\" /><circle cx=\"19\" cy=\"12\" r=\"1\" /><circle cx=\"5\" cy=\"12\" r=\"1\" />",
    };
}
