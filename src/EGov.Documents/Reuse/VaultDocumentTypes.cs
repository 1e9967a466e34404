using EGov.Documents.Model;
using EGov.Dossiers.Intake;
using EGov.Modules.Sdk;
using Marten;

namespace EGov.Documents.Reuse;

/// <summary>Tells the modules' intake validators what the attached documents are, from the vault's metadata.</summary>
public sealed class VaultDocumentTypes(IDocumentStore store) : IAttachedDocumentTypes
{
    public async Task<IReadOnlyList<AttachedDocument>> ResolveAsync(IReadOnlyList<Guid> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documentIds);
        if (documentIds.Count == 0)
        {
            return [];
        }

        await using var session = store.QuerySession();
        var found = (await session.LoadManyAsync<VaultDocument>(cancellationToken, documentIds.Distinct())).ToDictionary(d => d.Id, d => d.Type);
        return [.. documentIds.Select(id => new AttachedDocument(id, found.GetValueOrDefault(id, string.Empty)))];
    }
}
