using System.Text.Json;
using Contrail.Api.Protocol;
using Contrail.Api.Routing;
using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary>
/// <c>PutMetricAlarm</c>: creates an alarm on one metric (a metric filter's, or any other name: an alarm on a
/// metric nothing publishes sees only missing data), or replaces the configuration of the alarm of that
/// name, keeping its state. The answer is empty, as CloudWatch's.
/// </summary>
internal sealed class PutMetricAlarmOperation(AlarmCatalog catalog, TimeProvider time, ServiceIdentity identity) : CloudWatchOperation(identity)
{
    /// <summary>CloudWatch's bound: a metric alarm evaluates at most one day of data (EvaluationPeriods × Period).</summary>
    public const int MaxEvaluatedSeconds = 86_400;

    public override string Name => "PutMetricAlarm";

    protected override (byte[]? Body, ApiError? Error, IReadOnlyList<string> Alarms) Execute(JsonElement request, ApiCall call)
    {
        var error = AlarmInput.Name(request, "AlarmName", out var alarmName);
        if (error is not null)
        {
            return (null, error, []);
        }

        IReadOnlyList<string> named = [alarmName];
        error = Read(request, alarmName, out var alarm);
        if (error is not null)
        {
            return (null, error, named);
        }

        return catalog.Put(alarm!, time.GetUtcNow()) == AlarmPutOutcome.LimitReached
            ? (null, new ApiError(CloudWatchErrors.LimitExceeded, $"The maximum number of alarms ({AlarmCatalog.MaxAlarms}) has been reached."), named)
            : ("{}"u8.ToArray(), null, named);
    }

    private ApiError? Read(JsonElement request, string alarmName, out MetricAlarm? alarm)
    {
        alarm = null;
        var error = AlarmInput.First(
            JsonInput.String(request, "AlarmDescription", out var description),
            AlarmInput.Boolean(request, "ActionsEnabled", out var actionsEnabled),
            AlarmInput.Strings(request, "OKActions", 5, 1024, out var okActions),
            AlarmInput.Strings(request, "AlarmActions", 5, 1024, out var alarmActions),
            AlarmInput.Strings(request, "InsufficientDataActions", 5, 1024, out var insufficientActions),
            JsonInput.String(request, "MetricName", out var metricName),
            JsonInput.String(request, "Namespace", out var metricNamespace),
            JsonInput.String(request, "Statistic", out var statistic),
            JsonInput.String(request, "ExtendedStatistic", out var extendedStatistic),
            AlarmInput.Dimensions(request, out var dimensions),
            JsonInput.Integer(request, "Period", out var period),
            JsonInput.String(request, "Unit", out var unit),
            JsonInput.Integer(request, "EvaluationPeriods", out var evaluationPeriods),
            JsonInput.Integer(request, "DatapointsToAlarm", out var datapointsToAlarm),
            AlarmInput.Number(request, "Threshold", out var threshold),
            JsonInput.String(request, "ComparisonOperator", out var comparison),
            JsonInput.String(request, "TreatMissingData", out var treatMissingData),
            JsonInput.Array(request, "Metrics", out var metrics),
            JsonInput.String(request, "ThresholdMetricId", out var thresholdMetricId));
        if (error is not null)
        {
            return error;
        }

        error = (description is null ? null : AlarmInput.Length("AlarmDescription", description, 0, 1024))
            ?? (evaluationPeriods is null ? CloudWatchErrors.Missing("evaluationPeriods") : null)
            ?? (comparison is null ? CloudWatchErrors.Missing("comparisonOperator") : null)
            ?? AlarmInput.OneOf("ComparisonOperator", comparison, AlarmInput.ComparisonOperators)
            ?? AlarmInput.OneOf("Statistic", statistic, AlarmInput.Statistics)
            ?? AlarmInput.OneOf("Unit", unit, AlarmInput.StandardUnits)
            ?? (evaluationPeriods < 1 ? CloudWatchErrors.NotInRange("evaluationPeriods", evaluationPeriods.Value, 1, int.MaxValue) : null)
            ?? (datapointsToAlarm < 1 ? CloudWatchErrors.NotInRange("datapointsToAlarm", datapointsToAlarm.Value, 1, int.MaxValue) : null)
            ?? (period < 1 ? CloudWatchErrors.NotInRange("period", period.Value, 1, int.MaxValue) : null)
            ?? (treatMissingData is null ? null : AlarmInput.Length("TreatMissingData", treatMissingData, 1, 255));
        if (error is not null)
        {
            return error;
        }

        if (metrics is not null || thresholdMetricId is not null || extendedStatistic is not null)
        {
            return new ApiError(CloudWatchErrors.InvalidParameterValue,
                "Contrail's alarms watch one metric with a simple statistic: Metrics (metric math), ThresholdMetricId and ExtendedStatistic are not supported.");
        }

        if (comparison!.StartsWith("LessThanLower", StringComparison.Ordinal) || comparison == "GreaterThanUpperThreshold")
        {
            return new ApiError(CloudWatchErrors.InvalidParameterValue, $"The comparison operator {comparison} is for anomaly detection alarms, which Contrail does not serve.");
        }

        if (metricName is null || metricNamespace is null || statistic is null || period is null || threshold is null)
        {
            return CloudWatchErrors.Validation("A metric alarm needs MetricName, Namespace, Statistic, Period and Threshold.");
        }

        error = AlarmInput.Length("MetricName", metricName, 1, 255) ?? AlarmInput.Length("Namespace", metricNamespace, 1, 255);
        if (error is not null)
        {
            return error;
        }

        if (!double.IsFinite(threshold.Value))
        {
            return new ApiError(CloudWatchErrors.InvalidParameterValue, "The threshold must be a finite number.");
        }

        if (period.Value % 60 != 0)
        {
            return new ApiError(CloudWatchErrors.InvalidParameterValue,
                $"The parameter Period must be a multiple of 60: Contrail's metrics have 1-minute resolution (got {period.Value}).");
        }

        if ((long)period.Value * evaluationPeriods!.Value > MaxEvaluatedSeconds)
        {
            return CloudWatchErrors.Validation($"Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= {MaxEvaluatedSeconds})");
        }

        if (datapointsToAlarm > evaluationPeriods)
        {
            return CloudWatchErrors.Validation("DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
        }

        if (treatMissingData is not null && !AlarmInput.TreatMissingDataValues.Contains(treatMissingData, StringComparer.Ordinal))
        {
            return CloudWatchErrors.Validation($"Option {treatMissingData} is not a valid value for TreatMissingData. Valid values are: {string.Join(", ", AlarmInput.TreatMissingDataValues)}.");
        }

        alarm = new MetricAlarm(alarmName, AlarmArn(Identity, alarmName), description, actionsEnabled ?? true,
            okActions ?? [], alarmActions ?? [], insufficientActions ?? [],
            metricName, metricNamespace, statistic, dimensions, period.Value, unit, evaluationPeriods.Value, datapointsToAlarm,
            threshold.Value, comparison, treatMissingData, 0, "INSUFFICIENT_DATA", "", null, 0, 0);
        return null;
    }
}
