using Contrail.Api.Service;

namespace Contrail.Api.CloudWatch.Alarms;

/// <summary><c>EnableAlarmActions</c>.</summary>
internal sealed class EnableAlarmActionsOperation(AlarmCatalog catalog, ServiceIdentity identity) : AlarmActionsOperation(catalog, identity, enable: true)
{
    public override string Name => "EnableAlarmActions";
}
