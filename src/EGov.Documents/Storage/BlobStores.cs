namespace EGov.Documents.Storage;

/// <summary>
/// Every configured blob store by name, and the one new uploads go to. Documents remember their store, so
/// switching <c>Documents:Store</c> leaves earlier documents readable where they are.
/// </summary>
public sealed class BlobStores
{
    private readonly Dictionary<string, IBlobStore> _stores;

    public BlobStores(IEnumerable<IBlobStore> stores, string current)
    {
        _stores = stores.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Current = Find(current) ?? throw new InvalidOperationException(
            $"Documents:Store is '{current}', but the configured stores are: {string.Join(", ", _stores.Keys)}. " +
            "Use 'postgres', or 'filesystem' with Documents:FileSystemPath.");
    }

    public IBlobStore Current { get; }

    public IBlobStore? Find(string name) => _stores.GetValueOrDefault(name);
}
