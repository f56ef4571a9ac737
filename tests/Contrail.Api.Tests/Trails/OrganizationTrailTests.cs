using System.Text.Json;
using Contrail.Api.Tests.Support;
using Contrail.Serve;

namespace Contrail.Api.Tests.Trails;

/// <summary>
/// Organization trails without AWS Organizations: accepted when the service has an organization
/// (<c>CONTRAIL_ORGANIZATION_ID</c>), refused with <c>OrganizationsNotInUseException</c> otherwise.
/// </summary>
public sealed class OrganizationTrailTests
{
    private const string Organization = "o-a1b2c3d4e5";

    private static Task<Contrail.Client.ContrailResponse> Call(TestServer server, string operation, object body) =>
        server.Client.CallAsync(operation, JsonSerializer.Serialize(body));

    [Fact]
    public async Task CreateTrail_OrganizationTrailWithoutAnOrganization_OrganizationsNotInUse_AndNothingCreated()
    {
        await using var server = await TestServer.StartAsync();

        var refused = await Call(server, "CreateTrail", new { Name = "org", S3BucketName = "org-bucket", IsOrganizationTrail = true });

        refused.ErrorCode.ShouldBe("OrganizationsNotInUseException");
        refused.Body.ShouldContain("CONTRAIL_ORGANIZATION_ID");
        (await Call(server, "GetTrail", new { Name = "org" })).ErrorCode.ShouldBe("TrailNotFoundException");
        (await Call(server, "CreateTrail", new { Name = "plain", S3BucketName = "org-bucket", IsOrganizationTrail = false })).IsSuccess.ShouldBeTrue();
        (await Call(server, "UpdateTrail", new { Name = "plain", IsOrganizationTrail = true })).ErrorCode.ShouldBe("OrganizationsNotInUseException");
    }

    [Fact]
    public async Task OrganizationTrail_WithAnOrganization_KeepsTheOrganizationId_UntilUpdatedToAnAccountTrail()
    {
        var directory = TempDirectory.Create("org-trail");
        try
        {
            await using (var server = await TestServer.StartAsync(directory, organizationId: Organization))
            {
                var created = await Call(server, "CreateTrail", new { Name = "org", S3BucketName = "org-bucket", IsOrganizationTrail = true });
                created.IsSuccess.ShouldBeTrue(created.Body);
                JsonDocument.Parse(created.Body).RootElement.GetProperty("IsOrganizationTrail").GetBoolean().ShouldBeTrue();
                (await Call(server, "CreateTrail", new { Name = "account", S3BucketName = "org-bucket" })).IsSuccess.ShouldBeTrue();
            }

            var stored = Stored(directory);
            stored["org"].GetProperty("OrganizationId").GetString().ShouldBe(Organization);
            stored["account"].TryGetProperty("OrganizationId", out _).ShouldBeFalse("only organization trails carry it");

            await using (var restarted = await TestServer.StartAsync(directory))
            {
                var trail = JsonDocument.Parse((await Call(restarted, "GetTrail", new { Name = "org" })).Body).RootElement.GetProperty("Trail");
                trail.GetProperty("IsOrganizationTrail").GetBoolean().ShouldBeTrue("an organization trail stays one when the setting goes away");
                (await Call(restarted, "UpdateTrail", new { Name = "org", S3KeyPrefix = "p" })).IsSuccess.ShouldBeTrue();
                Stored(directory)["org"].GetProperty("OrganizationId").GetString().ShouldBe(Organization);
                var updated = await Call(restarted, "UpdateTrail", new { Name = "org", IsOrganizationTrail = false });
                JsonDocument.Parse(updated.Body).RootElement.GetProperty("IsOrganizationTrail").GetBoolean().ShouldBeFalse();
            }

            Stored(directory)["org"].TryGetProperty("OrganizationId", out _).ShouldBeFalse();
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Theory]
    [InlineData("o-a1b2c3d4e5")]
    [InlineData("o-abcdefghijklmnopqrstuvwxyz012345")]
    public void Serve_OrganizationId_Accepted(string organization)
    {
        var directory = TempDirectory.Create("serve-org");
        try
        {
            ServeCommand.TryParse(["--data-dir", directory], Environment(organization), out var settings, out _, out var error).ShouldBeTrue(error);
            settings!.Identity.OrganizationId.ShouldBe(organization);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Theory]
    [InlineData("o-short")]
    [InlineData("o-UPPERCASE12")]
    [InlineData("r-a1b2c3d4e5")]
    [InlineData("o-abcdefghijklmnopqrstuvwxyz0123456")]
    public void Serve_MalformedOrganizationId_IsAClearError(string organization)
    {
        ServeCommand.TryParse([], Environment(organization), out _, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("CONTRAIL_ORGANIZATION_ID");
    }

    private static Dictionary<string, string?> Environment(string organization) => new()
    {
        ["CONTRAIL_ORGANIZATION_ID"] = organization,
        ["CONTRAIL_ROOT_ACCESS_KEY_ID"] = TestServer.AccessKeyId,
        ["CONTRAIL_ROOT_SECRET_ACCESS_KEY"] = TestServer.Secret,
    };

    private static Dictionary<string, JsonElement> Stored(string directory) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "config", "trails.json"))).RootElement.GetProperty("Trails")
            .EnumerateArray().ToDictionary(t => t.GetProperty("Name").GetString()!, t => t.Clone());
}
