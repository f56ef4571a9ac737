using System.Text.Json.Serialization;

namespace Contrail.Journal.Cursors;

[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class CursorJsonContext : JsonSerializerContext;
