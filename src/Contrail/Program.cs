using Contrail.Serve;
using Contrail.Validate;

namespace Contrail;

internal static class Program
{
    private const string Usage = """
        contrail: a self-hosted audit trail with the API and files of AWS CloudTrail.

        Usage:
          contrail serve [--data-dir DIR] [--urls URL[;URL…]] [--delivery-interval DURATION]
                         [--digest-interval DURATION] [--key-rotation DURATION]
                         [--s3-endpoint URL [--s3-region REGION] [--s3-sse AES256|aws:kms]]
                         [--notification-url URL] [--metrics] [--cis-metric-filters LOG_GROUP]
                         [--rule-max-attempts N] [--sigma-rules FILE --sigma-target ARN]
          contrail journal repair [--data-dir DIR]
          contrail validate-logs --trail-arn ARN --start-time TIME [--end-time TIME] [--verbose]
                         [--s3-bucket BUCKET [--s3-prefix PREFIX]] [--account-id ID] [--region REGION]
                         [--endpoint-url URL] [--credentials-file FILE] [--public-keys FILE]
                         [--data-dir DIR | --s3-endpoint URL [--s3-region REGION] | --local-dir DIR]
                         [--organization-id O-ID] [--no-contrail-checks]

        Options:
          --data-dir DIR   where everything is kept (default ./contrail-data)
          --urls URL       where to listen (default http://127.0.0.1:5080)
          --delivery-interval DURATION
                           how often trails deliver log files: 5s, 2m, 1h (default 5m, as CloudTrail)
          --digest-interval DURATION
                           how often trails with log file validation deliver a signed digest file
                           per region (default 1h, as CloudTrail)
          --key-rotation DURATION
                           how long a digest signing key signs before a new one is made: 24h, 30m
                           (default 720h, 30 days, as CloudTrail); old keys are kept in DATA_DIR/keys
          --s3-endpoint URL
                           deliver log files to this S3-compatible store (http or https; buckets must
                           exist) instead of DATA_DIR/buckets
          --s3-region REGION
                           region requests to the store are signed for (default: CONTRAIL_REGION)
          --s3-sse AES256|aws:kms
                           server-side encryption for files of trails without a KmsKeyId (default:
                           the bucket's); a trail's KmsKeyId always means aws:kms with that key
          --notification-url URL
                           http(s) URL that gets an SNS-shaped notification, signed with
                           HMAC-SHA256, for each delivery of a trail with an SNS topic
          --metrics        serve GET /metrics: the metric filters' metrics in Prometheus text format,
                           without authentication (off by default; docs/dev/metric-filters.md)
          --cis-metric-filters LOG_GROUP
                           put the CIS Foundations Benchmark metric filters on LOG_GROUP at start
                           (they count once a trail's CloudWatchLogsLogGroupArn names it)
          --rule-max-attempts N
                           attempts per event and webhook target of an event rule (aws events
                           put-rule/put-targets) before the event goes to DATA_DIR/rules/dead-letters.jsonl
                           (default 8; backoff 1 s doubling to 60 s; docs/dev/rules.md). Webhooks are
                           signed with CONTRAIL_RULES_SECRET, else DATA_DIR/rules-secret
          --sigma-rules FILE --sigma-target ARN
                           match records against the Sigma rules in FILE (JSON, as
                           data/rules/sigma-aws-cloudtrail-rules.json) and send matches to ARN (a
                           webhook URL or arn:contrail:logs:::NAME); unsupported rules are listed

        validate-logs (the options of aws cloudtrail validate-logs, and its output; docs/validate-logs.md):
          --trail-arn, --start-time, --end-time, --s3-bucket, --s3-prefix, --account-id, --verbose
                           as with the AWS CLI; --region is the region whose files to validate
          --endpoint-url URL
                           the Contrail server asked for the trail (DescribeTrails, unless --s3-bucket)
                           and the public keys (ListPublicKeys, unless --public-keys); default
                           http://127.0.0.1:5080
          --credentials-file FILE
                           AWS credentials file for the server (default: AWS_ACCESS_KEY_ID and
                           AWS_SECRET_ACCESS_KEY, else DATA_DIR/root-credentials)
          --public-keys FILE
                           public keys saved with aws cloudtrail list-public-keys (no server needed)
          --data-dir DIR   read the files from the server's data directory (default ./contrail-data)
          --s3-endpoint URL
                           read them from this S3-compatible store (AWS_* credentials)
          --local-dir DIR  read them from a copy of the bucket (aws s3 sync s3://B DIR; needs
                           --s3-bucket B; signatures in sidecar files, see docs/validate-logs.md)
          --organization-id O-ID
                           organization folder of an organization trail (default: found in the bucket)
          --no-contrail-checks
                           only the AWS CLI's checks

        Environment:
          CONTRAIL_ACCOUNT_ID               12-digit account id (default 123456789012)
          CONTRAIL_REGION                   region (default us-east-1)
          CONTRAIL_ORGANIZATION_ID          organization this account manages, o-…; needed for
                                            organization trails (default: none, they are refused)
          CONTRAIL_ROOT_ACCESS_KEY_ID       root credentials to use instead of the generated ones
          CONTRAIL_ROOT_SECRET_ACCESS_KEY
          AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN
                                            credentials for --s3-endpoint (else the AWS SDK's
                                            default chain: profiles, container and instance roles)
          CONTRAIL_NOTIFICATION_SECRET      notification signing key (default: generated into
                                            DATA_DIR/notification-secret)
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        switch (args[0])
        {
            case "serve":
                return await ServeCommand.RunAsync(args[1..]).ConfigureAwait(false);
            case "validate-logs":
                return await ValidateLogsCommand.RunAsync(args[1..]).ConfigureAwait(false);
            case "journal" when args.Length > 1 && args[1] == "repair":
                return JournalCommand.Repair(args[2..]);
            default:
                await Console.Error.WriteLineAsync($"contrail: unknown command '{args[0]}'.\n\n{Usage}").ConfigureAwait(false);
                return 2;
        }
    }
}
