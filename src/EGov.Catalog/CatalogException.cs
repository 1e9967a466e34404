namespace EGov.Catalog;

/// <summary>A module's definition is inconsistent; the host refuses to start with it.</summary>
public sealed class CatalogException : Exception
{
    public CatalogException()
    {
    }

    public CatalogException(string message)
        : base(message)
    {
    }

    public CatalogException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
