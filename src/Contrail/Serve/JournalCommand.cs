using Contrail.Journal;

namespace Contrail.Serve;

/// <summary><c>contrail journal repair</c>: the operator's explicit decision to drop a damaged journal tail.</summary>
internal static class JournalCommand
{
    public static int Repair(string[] args)
    {
        var dataDir = "contrail-data";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--data-dir" && i + 1 < args.Length)
            {
                dataDir = args[++i];
            }
            else if (args[i].StartsWith("--data-dir=", StringComparison.Ordinal))
            {
                dataDir = args[i]["--data-dir=".Length..];
            }
            else
            {
                Console.Error.WriteLine($"contrail journal repair: unknown option '{args[i]}'.");
                return 2;
            }
        }

        var directory = Path.Combine(Path.GetFullPath(dataDir), "journal");
        if (!Directory.Exists(directory))
        {
            Console.Error.WriteLine($"contrail journal repair: no journal in {directory}.");
            return 2;
        }

        var report = Contrail.Journal.Journal.Repair(new JournalOptions { Directory = directory });
        Console.WriteLine($"contrail journal repair: {report}");
        return 0;
    }
}
