namespace Contrail.Api.Protocol;

/// <summary>How a call's answers are shaped on the wire.</summary>
internal enum WireProtocol
{
    /// <summary>AWS JSON 1.1 (service <c>cloudtrail</c>, spec §4.1): error code in the body's <c>__type</c>.</summary>
    AwsJson11,

    /// <summary>
    /// AWS JSON 1.0 (service <c>monitoring</c>, CloudWatch): as 1.1, and since CloudWatch is query compatible an
    /// error also carries <c>x-amzn-query-error: CODE;Sender</c>, from which botocore takes the code.
    /// </summary>
    AwsJson10,

    /// <summary>REST-JSON (service <c>cloudtrail-data</c>, spec §5): error code in <c>X-Amzn-ErrorType</c> too.</summary>
    RestJson,

    /// <summary>
    /// REST-XML (service <c>s3</c>, the read-only subset): an error is an <c>&lt;Error&gt;</c> document
    /// (no body for HEAD), the request id in <c>x-amz-request-id</c>; answers are <see cref="RestReply"/>s.
    /// </summary>
    RestXml,
}
