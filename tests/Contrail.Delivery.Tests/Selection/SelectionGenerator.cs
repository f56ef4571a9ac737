using System.Text.Json;
using System.Text.Json.Nodes;
using Contrail.Delivery.Selection;

namespace Contrail.Delivery.Tests.Selection;

/// <summary>
/// Random records and selectors drawn from one small alphabet, so that selector values often hit
/// record values exactly, as prefixes and as suffixes.
/// </summary>
internal sealed class SelectionGenerator(int seed)
{
    public static readonly string[] Arns =
    [
        "arn:aws:s3:::b1", "arn:aws:s3:::b1/", "arn:aws:s3:::b1/k", "arn:aws:s3:::b1/k2", "arn:aws:s3:::b2/k",
        "arn:aws:s3-object-lambda:us-east-1:1:accesspoint/x", "arn:aws:lambda:us-east-1:1:function:f",
        "arn:aws:lambda:us-east-1:1:function:f2", "arn:aws:dynamodb:us-east-1:1:table/t", "arn:aws:dynamodb:us-east-1:1:table/t2",
        "arn:aws-cn:s3:::b1/k", "arn:aws:s3:::b\u00e9/k\"q",
    ];

    private static readonly string?[] Categories = ["Management", "Data", "Insight", "NetworkActivity", "ActivityAuditLog", null];
    private static readonly string[] Sources = ["s3.amazonaws.com", "kms.amazonaws.com", "rdsdata.amazonaws.com", "iam.amazonaws.com"];
    private static readonly string[] Names = ["GetObject", "PutObject", "Get", "Invoke", "GetItem"];
    private static readonly string[] EventTypes = ["AwsApiCall", "AwsServiceEvent", "AwsVpceEvents"];
    private static readonly string[] Errors = ["AccessDenied", "VpceAccessDenied"];
    private static readonly string[] Endpoints = ["vpce-1", "vpce-12"];
    private static readonly string[] UserArns = ["arn:aws:iam::1:user/a", "arn:aws:iam::1:role/b", "arn:aws:sts::1:assumed-role/b/s"];
    private static readonly string[] ResourceTypes = ["AWS::S3::Object", "AWS::S3::Bucket", "AWS::Lambda::Function", "AWS::DynamoDB::Table"];
    private static readonly string[] WholeServices = ["arn:aws:s3", "arn:aws:lambda", "arn:aws:dynamodb", "arn:aws-cn:s3", "arn:aws:s3:::", "arn:aws:s3:::b1/"];

    private static readonly string[] Fields =
    [
        "eventCategory", "managementEvent", "readOnly", "eventSource", "eventName", "eventType", "errorCode", "vpcEndpointId",
        "sessionCredentialFromConsole", "userIdentity.arn", "resources.type", "resources.ARN", "noSuchField",
    ];

    private static readonly string[] Fragments =
    [
        "arn:aws:", "arn:aws:s3:::b1", "b1", "/k", "k", "Object", "AWS::S3::", "true", "false", "Management", "Data", "Insight",
        "s3", ".amazonaws.com", "Get", "Object", "vpce-", "1", "f", "t", "", "Access",
    ];

    private readonly Random _random = new(seed);

    public byte[] Record()
    {
        var record = new JsonObject();
        var fields = new List<(string, JsonNode?)>();
        Maybe(() => fields.Add(("eventCategory", Pick(Categories) is { } c ? JsonValue.Create(c) : null)));
        Maybe(() => fields.Add(("readOnly", _random.Next(5) switch
        {
            0 => JsonValue.Create("true"),
            1 => null,
            var n => JsonValue.Create(n % 2 == 0),
        })));
        Maybe(() => fields.Add(("managementEvent", JsonValue.Create(_random.Next(2) == 0))));
        Maybe(() => fields.Add(("eventSource", JsonValue.Create(Pick(Sources)))));
        Maybe(() => fields.Add(("eventName", JsonValue.Create(Pick(Names)))));
        Maybe(() => fields.Add(("eventType", JsonValue.Create(Pick(EventTypes)))));
        Maybe(() => fields.Add(("errorCode", JsonValue.Create(Pick(Errors)))));
        Maybe(() => fields.Add(("vpcEndpointId", JsonValue.Create(Pick(Endpoints)))));
        Maybe(() => fields.Add(("sessionCredentialFromConsole", JsonValue.Create("true"))));
        Maybe(() => fields.Add(("requestParameters", new JsonObject { ["eventSource"] = "nested.amazonaws.com", ["arn"] = Pick(Arns) })));
        Maybe(() =>
        {
            var identity = new JsonObject { ["type"] = "IAMUser", ["sessionContext"] = new JsonObject { ["arn"] = "arn:aws:iam::1:role/nested" } };
            if (_random.Next(4) != 0)
            {
                identity["arn"] = Pick(UserArns);
            }

            fields.Add(("userIdentity", _random.Next(8) == 0 ? null : identity));
        });
        Maybe(() =>
        {
            var resources = new JsonArray();
            var count = _random.Next(4);
            for (var i = 0; i < count; i++)
            {
                var resource = new JsonObject { ["accountId"] = "1" };
                Maybe(() => resource["type"] = Pick(ResourceTypes), 0.85);
                switch (_random.Next(5))
                {
                    case 0: resource["ARNPrefix"] = Pick(Arns); break;
                    case 1: break;
                    default: resource["ARN"] = Pick(Arns); break;
                }

                resources.Add(_random.Next(20) == 0 ? JsonValue.Create("not an object") : resource);
            }

            fields.Add(("resources", _random.Next(10) == 0 ? null : resources));
        });

        foreach (var (name, value) in fields.OrderBy(_ => _random.Next()))
        {
            record[name] = value;
        }

        return JsonSerializer.SerializeToUtf8Bytes(record);
    }

    public (IReadOnlyList<BasicSelector>? Basic, IReadOnlyList<AdvancedSelector>? Advanced) Selectors()
    {
        switch (_random.Next(10))
        {
            case 0:
                return (null, _random.Next(2) == 0 ? null : []);
            case < 5:
                return ([.. Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Basic())], null);
            default:
                return (null, [.. Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Advanced())]);
        }
    }

    private BasicSelector Basic() => new(
        Pick(["All", "ReadOnly", "WriteOnly"]),
        _random.Next(3) != 0,
        [.. Enumerable.Range(0, _random.Next(3)).Select(_ => new DataResourceSelector(
            _random.Next(10) == 0 ? "AWS::Other::Thing" : Pick(ResourceTypes),
            [.. Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => _random.Next(3) == 0 ? Pick(WholeServices) : Pick(Arns))]))],
        _random.Next(3) == 0 ? [Pick(Sources)] : []);

    private AdvancedSelector Advanced() => new(
        "s",
        [.. Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => new FieldCondition(
            Pick(Fields),
            Values(),
            Values(),
            Values(),
            Values(),
            Values(),
            Values()))]);

    private string[]? Values()
    {
        if (_random.NextDouble() > 0.3)
        {
            return null;
        }

        return [.. Enumerable.Range(0, _random.Next(20) == 0 ? 0 : 1 + _random.Next(3)).Select(_ => Value())];
    }

    private string Value() => _random.Next(6) switch
    {
        0 => Pick(Fragments),
        1 => Pick(Arns),
        2 => Pick(ResourceTypes),
        3 => Pick(Sources),
        4 => Pick(Categories) ?? "Management",
        _ => Pick([.. Names, .. EventTypes, .. Errors, .. Endpoints, .. UserArns]),
    };

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private void Maybe(Action action, double probability = 0.7)
    {
        if (_random.NextDouble() < probability)
        {
            action();
        }
    }
}
