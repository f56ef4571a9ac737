using System.Text.Json.Serialization;

namespace Contrail.Api.CloudTrail.LookupEvents;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(NextTokenCodec.Token))]
internal sealed partial class LookupJsonContext : JsonSerializerContext;
