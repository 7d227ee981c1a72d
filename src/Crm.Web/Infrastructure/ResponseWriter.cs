using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Crm.Web.Infrastructure;

/// <summary>
/// The writer MVC renders views into, with room for a whole page. MVC's own writer holds 16K characters and writes to
/// the response each time it fills; Kestrel sends every write to the socket at once, so the ~45 KB contact page went
/// out in three sends (system calls, and on loopback the receiving side's work too) instead of one
/// (docs/performance.md, "2026-11-26: the floor under the contact page"). The buffers come from the shared pools and go
/// back after the response, as MVC's do.
/// </summary>
public sealed class PageSizedResponseWriterFactory : IHttpResponseStreamWriterFactory
{
    /// <summary>Characters per write: larger than the pages this app renders (the contact page is ~45,000).</summary>
    public const int BufferSize = 64 * 1024;

    public TextWriter CreateWriter(Stream stream, Encoding encoding) =>
        new HttpResponseStreamWriter(stream, encoding, BufferSize, ArrayPool<byte>.Shared, ArrayPool<char>.Shared);
}
