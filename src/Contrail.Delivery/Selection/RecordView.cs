using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Contrail.Delivery.LogFiles;

namespace Contrail.Delivery.Selection;

/// <summary>
/// The fields selectors test, read from one record's UTF-8 JSON with <see cref="Utf8JsonReader"/>.
/// Values are unescaped into one rented char buffer (a value never has more chars than its JSON
/// has bytes, so the record's length bounds the buffer); slots hold (start, length) into it, length
/// -1 when the field is missing. A JSON boolean reads as the text "true"/"false"; null, numbers,
/// objects and arrays read as missing. Dispose returns the buffers.
/// </summary>
internal ref struct RecordView
{
    private static readonly char[] Empty = [];

    private char[] _chars;
    private int _used;
    private Slots _slots;
    private Resource[] _resources;
    private int _resourceCount;
    private RecordCheck _check;

    private RecordView(int capacity)
    {
        _chars = capacity == 0 ? Empty : ArrayPool<char>.Shared.Rent(capacity);
        _resources = [];
        for (var i = 0; i < RecordFields.ScalarCount; i++)
        {
            _slots[i] = Slot.Missing;
        }
    }

    public readonly int ResourceCount => _resourceCount;

    /// <summary>The log file writer's check of the record, made when <see cref="Read"/> was asked to.</summary>
    public readonly RecordCheck Check => _check;

    /// <summary>
    /// Reads the fields in <paramref name="needed"/> (bits of <see cref="RecordFields.Bit"/>);
    /// stops once all have been seen. Throws <see cref="JsonException"/> on malformed JSON
    /// before that point. With <paramref name="check"/>, also reads the rest of the record for
    /// <see cref="Check"/>, where anything wrong after that point is kept rather than thrown.
    /// </summary>
    public static RecordView Read(ReadOnlySpan<byte> json, int needed, bool check = false)
    {
        var view = new RecordView(json.Length);
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A record is a JSON object.");
        }

        var seen = 0;
        DateTimeOffset? time = null;
        Exception? fault = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = TopLevelField(ref reader);
            var isTime = check && field == RecordField.Unknown && fault is null && reader.ValueTextEquals("eventTime"u8);
            reader.Read();
            if (isTime)
            {
                RecordCheck.ReadEventTime(ref reader, ref time, ref fault);
                continue;
            }

            if (field == RecordField.Unknown || (needed & FieldBits(field)) == 0)
            {
                reader.Skip();
                continue;
            }

            switch (field)
            {
                case RecordField.UserIdentityArn:
                    view.ReadIdentity(ref reader);
                    break;
                case RecordField.ResourcesType:
                    view.ReadResources(ref reader);
                    break;
                default:
                    view._slots[(int)field] = view.Scalar(ref reader);
                    break;
            }

            seen |= FieldBits(field);
            if ((seen & needed) == needed)
            {
                break;
            }
        }

        if (check)
        {
            view._check = RecordCheck.ReadRest(ref reader, time, fault);
        }

        return view;
    }

    /// <summary>The value of a scalar field; false when it is missing.</summary>
    public readonly bool TryGet(RecordField field, out ReadOnlySpan<char> value) => TryGet(_slots[(int)field], out value);

    /// <summary>The type (<paramref name="arn"/> false) or ARN of resource <paramref name="index"/>; false when missing.</summary>
    public readonly bool TryGetResource(int index, bool arn, out ReadOnlySpan<char> value)
    {
        var resource = _resources[index];
        return TryGet(arn ? resource.Arn : resource.Type, out value);
    }

    public void Dispose()
    {
        if (_chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
        }

        if (_resources.Length > 0)
        {
            ArrayPool<Resource>.Shared.Return(_resources);
        }

        _chars = Empty;
        _resources = [];
    }

    private static int FieldBits(RecordField field) => field == RecordField.ResourcesType
        ? RecordFields.Bit(RecordField.ResourcesType) | RecordFields.Bit(RecordField.ResourcesArn)
        : RecordFields.Bit(field);

    private static RecordField TopLevelField(ref Utf8JsonReader reader)
    {
        // ValueTextEquals compares unescaped text, so escaped property names match too.
        if (reader.ValueTextEquals("eventCategory"u8))
        {
            return RecordField.EventCategory;
        }

        if (reader.ValueTextEquals("eventSource"u8))
        {
            return RecordField.EventSource;
        }

        if (reader.ValueTextEquals("eventName"u8))
        {
            return RecordField.EventName;
        }

        if (reader.ValueTextEquals("readOnly"u8))
        {
            return RecordField.ReadOnly;
        }

        if (reader.ValueTextEquals("managementEvent"u8))
        {
            return RecordField.ManagementEvent;
        }

        if (reader.ValueTextEquals("eventType"u8))
        {
            return RecordField.EventType;
        }

        if (reader.ValueTextEquals("resources"u8))
        {
            return RecordField.ResourcesType;
        }

        if (reader.ValueTextEquals("userIdentity"u8))
        {
            return RecordField.UserIdentityArn;
        }

        if (reader.ValueTextEquals("errorCode"u8))
        {
            return RecordField.ErrorCode;
        }

        if (reader.ValueTextEquals("vpcEndpointId"u8))
        {
            return RecordField.VpcEndpointId;
        }

        return reader.ValueTextEquals("sessionCredentialFromConsole"u8) ? RecordField.SessionCredentialFromConsole : RecordField.Unknown;
    }

    private readonly bool TryGet(Slot slot, out ReadOnlySpan<char> value)
    {
        if (slot.Length < 0)
        {
            value = default;
            return false;
        }

        value = _chars.AsSpan(slot.Start, slot.Length);
        return true;
    }

    private Slot Scalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var length = reader.CopyString(_chars.AsSpan(_used));
                var slot = new Slot(_used, length);
                _used += length;
                return slot;
            case JsonTokenType.True:
                return Literal("true");
            case JsonTokenType.False:
                return Literal("false");
            default:
                reader.Skip();
                return Slot.Missing;
        }
    }

    private Slot Literal(string text)
    {
        // The literal took as many bytes in the JSON as it takes chars here.
        text.CopyTo(_chars.AsSpan(_used));
        var slot = new Slot(_used, text.Length);
        _used += text.Length;
        return slot;
    }

    private void ReadIdentity(ref Utf8JsonReader reader)
    {
        var slot = Slot.Missing;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
        }
        else
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isArn = reader.ValueTextEquals("arn"u8);
                reader.Read();
                if (isArn)
                {
                    slot = Scalar(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        _slots[(int)RecordField.UserIdentityArn] = slot;
    }

    private void ReadResources(ref Utf8JsonReader reader)
    {
        _resourceCount = 0;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var resource = new Resource(Slot.Missing, Slot.Missing);
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var prefix = Slot.Missing;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("type"u8))
                    {
                        reader.Read();
                        resource = resource with { Type = Scalar(ref reader) };
                    }
                    else if (reader.ValueTextEquals("ARN"u8))
                    {
                        reader.Read();
                        resource = resource with { Arn = Scalar(ref reader) };
                    }
                    else if (reader.ValueTextEquals("ARNPrefix"u8))
                    {
                        reader.Read();
                        prefix = Scalar(ref reader);
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }

                // Data events may name a set of objects by ARNPrefix instead of ARN.
                if (resource.Arn.Length < 0)
                {
                    resource = resource with { Arn = prefix };
                }
            }
            else
            {
                reader.Skip();
            }

            Add(resource);
        }
    }

    private void Add(Resource resource)
    {
        if (_resourceCount == _resources.Length)
        {
            var grown = ArrayPool<Resource>.Shared.Rent(Math.Max(8, _resources.Length * 2));
            _resources.AsSpan(0, _resourceCount).CopyTo(grown);
            if (_resources.Length > 0)
            {
                ArrayPool<Resource>.Shared.Return(_resources);
            }

            _resources = grown;
        }

        _resources[_resourceCount++] = resource;
    }

    internal readonly record struct Slot(int Start, int Length)
    {
        public static Slot Missing => new(0, -1);
    }

    internal readonly record struct Resource(Slot Type, Slot Arn);

    [InlineArray(RecordFields.ScalarCount)]
    private struct Slots
    {
        private Slot _element;
    }
}
