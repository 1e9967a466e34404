using EGov.Documents.Model;
using EGov.Documents.Reuse;
using EGov.Documents.Storage;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EGov.Documents;

/// <summary>Wires the vault into the host: its services, and its Marten documents and tables.</summary>
public static class DocumentsSetup
{
    public static void ConfigureDocuments(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Schema.For<VaultDocument>().Duplicate(x => x.OwnerIdNumber);
        options.Schema.For<DocumentGrant>().Duplicate(x => x.DocumentId);
        options.Schema.For<AccessLogEntry>().Duplicate(x => x.DocumentId);
        options.Schema.For<DeskConsent>().Duplicate(x => x.OwnerIdNumber);
        options.Storage.ExtendedSchemaObjects.Add(PostgresBlobStore.SchemaObject());
        options.Storage.ExtendedSchemaObjects.Add(DocumentReferences.SchemaObject());
        options.Projections.Add(new DocumentReferenceProjection(), ProjectionLifecycle.Inline);
    }

    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DocumentsOptions.Section).Get<DocumentsOptions>() ?? new DocumentsOptions();
        if (options.MaxBytes <= 0)
        {
            throw new InvalidOperationException("Documents:MaxBytes must be positive.");
        }

        if (options.DeskConsentMinutes is < 1 or > 24 * 60)
        {
            throw new InvalidOperationException("Documents:DeskConsentMinutes must be between 1 and 1440 (one visit to the counter, not a standing grant).");
        }

        if (options.ChunkBytes is < 16 * 1024 or > 16 * 1024 * 1024)
        {
            throw new InvalidOperationException("Documents:ChunkBytes must be between 16 KiB and 16 MiB.");
        }

        options.SpoolPath ??= Path.Combine(Path.GetTempPath(), "egov-vault-spool");
        services.AddSingleton(options);
        services.AddSingleton<DocumentTypeCatalog>();
        services.AddSingleton(sp =>
        {
            var stores = new List<IBlobStore> { new PostgresBlobStore(sp.GetRequiredService<NpgsqlDataSource>(), options.ChunkBytes) };
            if (!string.IsNullOrWhiteSpace(options.FileSystemPath))
            {
                stores.Add(new FileSystemBlobStore(options.FileSystemPath));
            }

            return new BlobStores(stores, options.Store);
        });
        services.AddSingleton<DocumentVault>();
        services.AddSingleton<EGov.Dossiers.Intake.IAttachedDocumentTypes, VaultDocumentTypes>();
        services.AddSingleton<DeskConsents>();
        services.AddSingleton<EGov.Dossiers.Intake.IDocumentReuseConsent, VaultReuseConsent>();
        return services;
    }
}
