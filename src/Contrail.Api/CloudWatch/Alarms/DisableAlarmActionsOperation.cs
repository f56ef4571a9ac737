using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary><c>DisableAlarmActions</c>.</summary>
internal sealed class DisableAlarmActionsOperation(AlarmCatalog catalog, ServiceIdentity identity) : AlarmActionsOperation(catalog, identity, enable: false)
{
    public override string Name => "DisableAlarmActions";
}
