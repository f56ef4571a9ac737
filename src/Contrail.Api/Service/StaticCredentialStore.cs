using Contrail.Api.Auth;

namespace Contrail.Api.Service;

/// <summary>The credentials the service accepts: today the root credentials only.</summary>
internal sealed class StaticCredentialStore(ServiceIdentity identity, string rootAccessKeyId, string rootSecret) : ICredentialStore
{
    private readonly Principal _root = new(rootAccessKeyId, identity.AccountId, "Root", $"arn:aws:iam::{identity.AccountId}:root", identity.AccountId, null);

    public bool TryGet(string accessKeyId, out Principal principal, out string secretAccessKey)
    {
        if (string.Equals(accessKeyId, _root.AccessKeyId, StringComparison.Ordinal))
        {
            principal = _root;
            secretAccessKey = rootSecret;
            return true;
        }

        principal = null!;
        secretAccessKey = "";
        return false;
    }
}
