using Contrail.Delivery.Validation;
using static Contrail.Delivery.Tests.Validation.ValidationHarness;

namespace Contrail.Delivery.Tests.Validation;

/// <summary>Key layouts: a trail key prefix, an organization trail, another source region.</summary>
public sealed class LayoutTests
{
    [Theory]
    [InlineData(null, null, null)]
    [InlineData("audit/trails", null, null)]
    [InlineData(null, "o-a1b2c3d4e5", null)]
    [InlineData("p", "o-a1b2c3d4e5", "eu-west-1")]
    public async Task ValidateAsync_Layout_AllValid(string? prefix, string? organization, string? sourceRegion)
    {
        using var h = new ValidationHarness(prefix, organization, sourceRegion);
        var chain = await h.Trail.PutHourlyChainAsync(T0, 3);
        await h.Trail.PutLogFileAsync(T0.AddMinutes(30)); // unlisted: found under the same layout

        var (findings, tally) = await h.RunAsync();

        var expectedPrefix = (prefix is null ? "" : prefix + "/") + "AWSLogs/" + (organization is null ? "" : organization + "/") + "111122223333/";
        chain[2].Key.ShouldStartWith(expectedPrefix + "CloudTrail-Digest/" + (sourceRegion ?? "us-east-1") + "/2024/01/01/");
        Describe(findings)[..^1].ShouldBe(Expected(Enumerable.Reverse(chain)));
        findings[^1].ShouldBeOfType<UnlistedLogFileFinding>().Key.ShouldStartWith(expectedPrefix + "CloudTrail/");
        (tally.ValidDigests, tally.ValidLogFiles, tally.UnlistedLogFiles).ShouldBe((3, 6, 1));
    }

    [Fact]
    public async Task ValidateAsync_WrongOrganization_NoDigestsFound()
    {
        using var h = new ValidationHarness(organizationId: "o-a1b2c3d4e5");
        await h.Trail.PutHourlyChainAsync(T0, 3);
        var options = h.Options();
        options.OrganizationId = null;

        var (findings, _) = await RunAsync(options);

        findings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z")]
    [InlineData("2024-01-01", "2024-01-01T00:00:00Z")]
    [InlineData("2024-01-01 05:06", "2024-01-01T05:06:00Z")]
    [InlineData("2024-01-01T05:06:07+02:00", "2024-01-01T05:06:07Z")]
    [InlineData("20240101T050607Z", "2024-01-01T05:06:07Z")]
    public void ValidationDates_AwsCliForms_ParsedAndNormalizedAsTheAwsCliDoes(string text, string expected) =>
        ValidationDates.Display(ValidationDates.Parse(text)).ShouldBe(expected);

    [Fact]
    public void ValidationDates_Garbage_TheAwsCliMessage() =>
        Should.Throw<FormatException>(() => ValidationDates.Parse("garbage")).Message.ShouldBe("Unable to parse date value: garbage");
}
