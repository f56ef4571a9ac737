namespace Contrail.Api.Auth;

/// <summary>Looks up the secret and identity behind an access key id. Implementations must be thread-safe.</summary>
internal interface ICredentialStore
{
    bool TryGet(string accessKeyId, out Principal principal, out string secretAccessKey);
}
