using Crm.Web.Features.Accounts;
using Crm.Web.Features.Sessions;

namespace Crm.UnitTests.Features;

public sealed class AccountSecurityRulesTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("Password1")]
    [InlineData("QWERTYUIOP")]
    [InlineData("1234567890")]
    [InlineData("iloveyou123")]
    public void CommonPasswords_ContainTheUsualSuspects_CaseInsensitively(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void CommonPasswords_LeaveAPassphraseAlone() =>
        Assert.False(CommonPasswordValidator.IsCommon("correct horse battery"));

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", "Chrome on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0", "Edge on macOS")]
    [InlineData("", "Unknown device")]
    public void UserAgents_DescribeBrowserAndSystem(string userAgent, string expected) =>
        Assert.Equal(expected, UserAgents.Describe(userAgent));
}
