using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Web.Features.Shared;

/// <summary>Friendly pages for errors and status codes. Never shows internals; the log has them.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("error")]
public sealed class ErrorController(ILogger<ErrorController> logger) : Controller
{
    [Route("")]
    public IActionResult Index()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (Infrastructure.DatabaseBusy.IsBusy(feature?.Error))
        {
            // Another writer (a bulk command, a long import) held the database longer than the busy timeout.
            logger.LogWarning("Database busy on {Path}; answered 503", feature!.Path);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = Infrastructure.DatabaseBusy.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return View("Status", new StatusViewModel(503, HttpContext.TraceIdentifier));
        }
        if (feature is not null)
        {
            logger.LogError(feature.Error, "Unhandled exception on {Path}", feature.Path);
        }
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Status", new StatusViewModel(500, HttpContext.TraceIdentifier));
    }

    // Only error statuses; /error/200 or /error/99999 is simply not a page. The code is read from the route, not
    // model-bound: a re-executed POST still carries the original body, and binding would read that form again, which
    // is the very thing that could not be read (a 400 would turn into a status line "0").
    [Route("{code:int:range(400,599)}")]
    public IActionResult Status()
    {
        var code = int.Parse((string)RouteData.Values["code"]!, System.Globalization.CultureInfo.InvariantCulture);
        Response.StatusCode = code;
        return View("Status", new StatusViewModel(code, HttpContext.TraceIdentifier));
    }
}

public sealed record StatusViewModel(int Code, string RequestId)
{
    public string Title => Code switch
    {
        400 => "That request could not be read",
        403 => "You don't have access to this",
        404 => "Page not found",
        429 => "Too many attempts",
        503 => "Busy, please try again",
        500 => "Something went wrong",
        _ => "Something went wrong",
    };

    public string Message => Code switch
    {
        400 => "The form may have expired. Go back, reload the page and try again.",
        403 => "Your role in this book does not allow this action. Ask an Owner of the book if you need it.",
        404 => "There is nothing here, or you don't have access to it.",
        429 => "You have tried too many times in a short while. Wait a minute and try again.",
        503 => "The database is busy with other work. Nothing was saved: wait a few seconds and try again.",
        _ => "We could not finish that. It has been logged; please try again in a moment.",
    };
}
