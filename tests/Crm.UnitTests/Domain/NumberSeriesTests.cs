using Crm.Core.Books;

namespace Crm.UnitTests.Domain;

public sealed class NumberSeriesTests
{
    [Theory]
    [InlineData("CT", 1, "CT00001")]
    [InlineData("SM", 42, "SM00042")]
    [InlineData("", 7, "00007")]
    [InlineData("C-", 123456, "C-123456")]
    public void Format_PadsToFiveDigits(string prefix, int number, string expected) =>
        Assert.Equal(expected, NumberSeries.Format(prefix, number));
}
