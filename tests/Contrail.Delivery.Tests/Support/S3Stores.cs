using Amazon.Runtime;
using Contrail.Delivery.Objects;
using Contrail.Tests.Support;

namespace Contrail.Delivery.Tests.Support;

/// <summary><see cref="S3ObjectStore"/>s for tests: on moto, or on an endpoint that misbehaves.</summary>
internal static class S3Stores
{
    public static S3ObjectStoreOptions OptionsFor(string endpoint) => new()
    {
        Endpoint = new Uri(endpoint),
        Region = MotoServer.Region,
        Credentials = new BasicAWSCredentials(MotoServer.AccessKeyId, MotoServer.SecretAccessKey),
        MaxErrorRetry = 0,
    };

    public static S3ObjectStore On(MotoServer moto, Action<S3ObjectStoreOptions>? configure = null)
    {
        var options = OptionsFor(moto.Endpoint);
        configure?.Invoke(options);
        return new S3ObjectStore(options);
    }
}
