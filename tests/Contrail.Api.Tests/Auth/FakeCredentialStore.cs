using Contrail.Api.Auth;

namespace Contrail.Api.Tests.Auth;

/// <summary>One access key, with a root principal for account 123456789012; counts lookups.</summary>
internal sealed class FakeCredentialStore(string accessKeyId, string secret) : ICredentialStore
{
    public Principal Principal { get; } = new(accessKeyId, "123456789012", "Root", "arn:aws:iam::123456789012:root", "123456789012", null);

    public bool TryGet(string accessKeyId, out Principal principal, out string secretAccessKey)
    {
        principal = Principal;
        secretAccessKey = secret;
        if (accessKeyId == Principal.AccessKeyId)
        {
            return true;
        }

        principal = null!;
        secretAccessKey = null!;
        return false;
    }
}
