using System.Text;

namespace Contrail.Store.Lake.Schema;

/// <summary>
/// The columns of a CloudTrail Lake event data store holding CloudTrail events (spec §6.1, the
/// Lake's published schema), in order, lower-case. Nested JSON objects under the map columns
/// (<c>requestparameters</c> and the like) are kept as JSON text; <c>eventjson</c> is the record's
/// own JSON. Changing this changes every store's table: see <c>docs/dev/lake-engine.md</c>.
/// </summary>
internal static class LakeSchema
{
    private static readonly LakeType Text = LakeType.Varchar;

    /// <summary>The <c>useridentity</c> struct: §1.3's fields, lower-case.</summary>
    public static LakeType UserIdentity { get; } = LakeType.Struct(
        new LakeColumn("type", Text),
        new LakeColumn("principalid", Text),
        new LakeColumn("arn", Text),
        new LakeColumn("accountid", Text),
        new LakeColumn("accesskeyid", Text),
        new LakeColumn("username", Text),
        new LakeColumn("sessioncontext", LakeType.Struct(
            new LakeColumn("attributes", LakeType.Struct(new LakeColumn("creationdate", LakeType.Timestamp), new LakeColumn("mfaauthenticated", Text))),
            new LakeColumn("sessionissuer", LakeType.Struct(new LakeColumn("type", Text), new LakeColumn("principalid", Text), new LakeColumn("arn", Text), new LakeColumn("accountid", Text), new LakeColumn("username", Text))),
            new LakeColumn("webidfederationdata", LakeType.Struct(new LakeColumn("federatedprovider", Text), new LakeColumn("attributes", LakeType.Map))),
            new LakeColumn("sourceidentity", Text),
            new LakeColumn("ec2roledelivery", Text),
            new LakeColumn("ec2issuedinvpc", Text),
            new LakeColumn("assumedroot", Text),
            new LakeColumn("signinsessionarn", Text))),
        new LakeColumn("invokedby", Text),
        new LakeColumn("invokedbydelegate", LakeType.Struct(new LakeColumn("accountid", Text))),
        new LakeColumn("identityprovider", Text),
        new LakeColumn("onbehalfof", LakeType.Struct(new LakeColumn("userid", Text), new LakeColumn("identitystorearn", Text))),
        new LakeColumn("inscopeof", LakeType.Struct(new LakeColumn("sourcearn", Text), new LakeColumn("sourceaccount", Text), new LakeColumn("issuertype", Text), new LakeColumn("credentialsissuedto", Text))),
        new LakeColumn("credentialid", Text));

    /// <summary>Every column, in the table's order.</summary>
    public static IReadOnlyList<LakeColumn> Columns { get; } =
    [
        new LakeColumn("eventversion", Text),
        new LakeColumn("useridentity", UserIdentity),
        new LakeColumn("eventtime", LakeType.Timestamp),
        new LakeColumn("eventsource", Text),
        new LakeColumn("eventname", Text),
        new LakeColumn("awsregion", Text),
        new LakeColumn("sourceipaddress", Text),
        new LakeColumn("useragent", Text),
        new LakeColumn("errorcode", Text),
        new LakeColumn("errormessage", Text),
        new LakeColumn("requestparameters", LakeType.Map),
        new LakeColumn("responseelements", LakeType.Map),
        new LakeColumn("additionaleventdata", LakeType.Map),
        new LakeColumn("requestid", Text),
        new LakeColumn("eventid", Text),
        new LakeColumn("readonly", LakeType.Boolean),
        new LakeColumn("resources", LakeType.List(LakeType.Struct(new LakeColumn("accountid", Text), new LakeColumn("type", Text), new LakeColumn("arn", Text), new LakeColumn("arnprefix", Text)))),
        new LakeColumn("eventtype", Text),
        new LakeColumn("apiversion", Text),
        new LakeColumn("managementevent", LakeType.Boolean),
        new LakeColumn("recipientaccountid", Text),
        new LakeColumn("sharedeventid", Text),
        new LakeColumn("annotation", Text),
        new LakeColumn("vpcendpointid", Text),
        new LakeColumn("vpcendpointaccountid", Text),
        new LakeColumn("serviceeventdetails", LakeType.Map),
        new LakeColumn("addendum", LakeType.Map),
        new LakeColumn("edgedevicedetails", LakeType.Map),
        new LakeColumn("insightdetails", LakeType.Map),
        new LakeColumn("eventcategory", Text),
        new LakeColumn("tlsdetails", LakeType.Struct(new LakeColumn("tlsversion", Text), new LakeColumn("ciphersuite", Text), new LakeColumn("clientprovidedhostheader", Text), new LakeColumn("keyexchange", Text))),
        new LakeColumn("sessioncredentialfromconsole", Text),
        new LakeColumn("eventjson", Text),
    ];

    /// <summary>The column list of <c>CREATE TABLE</c>: <c>"eventversion" VARCHAR, …</c>.</summary>
    public static string ColumnDefinitions { get; } = string.Join(", ", Columns.Select(c => $"\"{c.Name}\" {c.Type.DuckDbName()}"));

    /// <summary>The structure <c>json_transform</c> turns a JSON array of rows (<see cref="LakeRowWriter"/>) into a list of structs with.</summary>
    public static string RowsJsonStructure { get; } = BuildRowsStructure();

    private static string BuildRowsStructure()
    {
        var text = new StringBuilder("[");
        LakeType.Struct([.. Columns]).AppendJsonStructure(text);
        return text.Append(']').ToString();
    }
}
