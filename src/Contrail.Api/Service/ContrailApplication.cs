using Contrail.Api.Audit;
using Contrail.Api.Auth;
using Contrail.Api.Channels;
using Contrail.Api.CloudTrail.Channels;
using Contrail.Api.CloudTrail.EventDataStores;
using Contrail.Api.CloudTrail.LookupEvents;
using Contrail.Api.CloudTrail.PublicKeys;
using Contrail.Api.CloudTrail.Trails;
using Contrail.Api.CloudWatch;
using Contrail.Api.Data;
using Contrail.Api.Delivery;
using Contrail.Api.Delivery.Notifications;
using Contrail.Api.Indexing;
using Contrail.Api.Ingest;
using Contrail.Api.Lake;
using Contrail.Api.Logs;
using Contrail.Api.Monitoring;
using Contrail.Api.Monitoring.Insights;
using Contrail.Api.Routing;
using Contrail.Api.Rules;
using Contrail.Api.S3Read;
using Contrail.Api.Writing;
using Contrail.Delivery.Digests;
using Contrail.Delivery.Objects;
using Contrail.Journal;
using Contrail.Store.History;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contrail.Api.Service;

/// <summary>
/// Composes the service on the embedded default: the journal and event store under the data
/// directory, the indexer between them, and the one HTTP endpoint in front.
/// </summary>
internal static class ContrailApplication
{
    /// <summary>The services every API call is authenticated for (SigV4 credential scope).</summary>
    private static readonly HashSet<string> AcceptedServices = new(StringComparer.Ordinal) { "cloudtrail", "cloudtrail-data", "contrail" };

    /// <summary>Builds the application; the journal is recovered and the store opened before this returns.</summary>
    public static WebApplication Build(ContrailSettings settings, string[] args, TimeProvider? time = null, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        if (logging is not null)
        {
            logging(builder.Logging);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = IngestRecordsOperation.MaxRequestBytes + (1 << 20);
            k.AddServerHeader = false;
        });

        // Opened here, not on first use: a damaged key file stops the start (SigningKeyCorruptedException),
        // and first, so that the journal and store are not left open when it does.
        time ??= TimeProvider.System;
        var keys = SigningKeyRing.Open(settings.KeysDirectory, time, settings.KeyRotation ?? SigningKeyRing.DefaultRotation);
        using var startupLoggers = LoggerFactory.Create(l => l.AddSimpleConsole());
        var journal = Contrail.Journal.Journal.Open(
            new JournalOptions { Directory = Path.Combine(settings.DataDirectory, "journal") },
            startupLoggers.CreateLogger("Contrail.Journal"));
        var store = EventStore.Open(Path.Combine(settings.DataDirectory, "store"));

        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Identity);
        services.AddSingleton(journal);
        services.AddSingleton(store);
        services.AddSingleton<ICredentialStore>(new StaticCredentialStore(settings.Identity, settings.RootAccessKeyId, settings.RootSecret));
        services.AddSingleton(sp => new SigV4Verifier(sp.GetRequiredService<ICredentialStore>(), sp.GetRequiredService<TimeProvider>(), settings.Identity.Region, AcceptedServices));
        services.AddSingleton<ReadinessGate>();
        services.AddSingleton<AuditRecordBuilder>();
        services.AddSingleton<EventJournalWriter>();
        services.AddSingleton<ChannelDirectory>();
        services.AddSingleton<LookupEventsOperation>();
        // Through a factory so that the container disposes the ring (and its private keys) at shutdown.
        services.AddSingleton(_ => keys);
        services.AddSingleton<ListPublicKeysOperation>();
        services.AddTrails();
        services.AddEventDataStores();
        services.AddChannels();
        services.AddLake();
        services.AddSingleton<PutAuditEventsOperation>();
        services.AddSingleton<IngestRecordsOperation>();
        services.AddS3Read();
        services.AddLogs();
        services.AddCloudWatch();
        services.AddRules();
        services.AddSingleton<AlarmStateChangeRouter>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmStateChangeRouter>());
        services.AddSingleton(sp => new ApiRouter(
            [sp.GetRequiredService<LookupEventsOperation>(), sp.GetRequiredService<ListPublicKeysOperation>(), .. TrailServices.Operations(sp), .. EventDataStoreServices.Operations(sp), .. ChannelServices.Operations(sp), .. LakeServices.Operations(sp)],
            [
                ("/PutAuditEvents", sp.GetRequiredService<PutAuditEventsOperation>(), PutAuditEventsOperation.MaxRequestBytes + 4096),
                ("/records", sp.GetRequiredService<IngestRecordsOperation>(), IngestRecordsOperation.MaxRequestBytes),
            ],
            sp.GetRequiredService<S3Router>().Route,
            LogsServices.Operations(sp),
            CloudWatchServices.Operations(sp),
            RulesServices.Operations(sp)));
        services.AddSingleton<ApiPipeline>();
        services.AddSingleton<EventIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<EventIndexer>());
        // Made by the container so that it disposes the S3 client; the delivery loop's final flush runs before.
        services.AddSingleton<IObjectStore>(_ => settings.S3 is { } s3 ? new S3ObjectStore(s3) : new LocalObjectStore(settings.DataDirectory));
        services.AddSingleton<DeliveryStatusBoard>();
        services.AddNotifications();
        services.AddSingleton<TrailDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<TrailDelivery>());
        services.AddSingleton<MetricFilterConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<MetricFilterConsumer>());
        services.AddSingleton<MetricsEndpoint>();
        services.AddSingleton<InsightsConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<InsightsConsumer>());

        var app = builder.Build();
        if (settings.CisMetricFiltersLogGroup is { } cisLogGroup)
        {
            CisMetricFilters.Install(app.Services.GetRequiredService<Contrail.Api.Logs.MetricFilters.MetricFilterCatalog>(), cisLogGroup, time);
        }

        var pipeline = app.Services.GetRequiredService<ApiPipeline>();
        var gate = app.Services.GetRequiredService<ReadinessGate>();
        app.Lifetime.ApplicationStarted.Register(gate.Open);
        app.Run(pipeline.HandleAsync);
        return app;
    }
}
