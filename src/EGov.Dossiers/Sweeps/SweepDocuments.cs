using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EGov.Dossiers.Lifecycle;
using Marten;
using Marten.Services;

namespace EGov.Dossiers.Sweeps;

/// <summary>
/// The sweep's reading of a stored dossier, the whole document as Marten wrote it, deserialized into a
/// <see cref="DossierState"/> that holds only <see cref="Kept"/> (the rest of the JSON is skipped unread, not
/// built into lists and dictionaries): the host parses only what the estimate, the row and the raise use
/// (docs/benchmarks.md, "Foresight: cost": the pieces).
/// </summary>
public static class SweepDocuments
{
    /// <summary>
    /// What <see cref="Foresight.RiskInputs.From"/>, <see cref="Foresight.RiskEstimator"/>, the row
    /// (<see cref="RiskRows"/>) and the raise read of a state. A new field read there must be added here: the
    /// property test <c>SweepDocumentsProperties</c> compares the estimate of the kept fields with the whole state's.
    /// </summary>
    public static readonly IReadOnlySet<string> Kept = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(DossierState.Id), nameof(DossierState.Code), nameof(DossierState.ProcedureCode), nameof(DossierState.Unit),
        nameof(DossierState.ReceivingUnit), nameof(DossierState.HoldingUnit), nameof(DossierState.IsOpen), nameof(DossierState.ResolvedAt),
        nameof(DossierState.DueAt), nameof(DossierState.Overdue), nameof(DossierState.ClockStopped), nameof(DossierState.RemainingWhenStopped),
        nameof(DossierState.StepRemainingWhenStopped), nameof(DossierState.Steps), nameof(DossierState.CurrentStepIndex),
        nameof(DossierState.StepDueAt), nameof(DossierState.Sla), nameof(DossierState.Apologies), nameof(DossierState.AtRisk),
    };

    /// <summary>The store's own serializer settings (names, enums, converters), reading only the kept fields of a state.</summary>
    public static JsonSerializerOptions For(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Options.Serializer() is not SystemTextJsonSerializer serializer)
        {
            throw new InvalidOperationException("The risk sweep reads documents with System.Text.Json, Marten's default serializer.");
        }

        // Configure hands over the serializer's options; they are only copied here, never changed.
        JsonSerializerOptions? stored = null;
        serializer.Configure(o => stored ??= o);
        return Slim(stored ?? throw new InvalidOperationException("Marten's serializer gave no options."));
    }

    /// <summary><paramref name="stored"/> (the settings the documents were written with), reading only the kept fields of a state.</summary>
    public static JsonSerializerOptions Slim(JsonSerializerOptions stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var resolver = stored.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        var options = new JsonSerializerOptions(stored) { TypeInfoResolver = resolver.WithAddedModifier(KeepOnly) };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>A stored document (UTF-8 JSON) with only the kept fields.</summary>
    public static DossierState Read(ReadOnlySpan<byte> json, JsonSerializerOptions slim) =>
        JsonSerializer.Deserialize<DossierState>(json, slim) ?? throw new JsonException("A stored dossier document was null.");

    private static void KeepOnly(JsonTypeInfo info)
    {
        if (info.Type != typeof(DossierState))
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is System.Reflection.PropertyInfo property && !Kept.Contains(property.Name))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
