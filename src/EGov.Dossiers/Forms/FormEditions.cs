namespace EGov.Dossiers.Forms;

/// <summary>
/// Every edition the release carries, and which one renders a form: the last to come into force at or before the
/// instant of the event that issued it. Deterministic for the same history, whatever the day it is read.
/// </summary>
public sealed class FormEditions
{
    private readonly FormEdition[] _editions;

    /// <param name="editions">Every edition, the first in force from <see cref="DateTimeOffset.MinValue"/>.</param>
    public FormEditions(IEnumerable<FormEdition> editions)
    {
        ArgumentNullException.ThrowIfNull(editions);
        _editions = [.. editions.OrderBy(e => e.InForceFrom)];
        if (_editions.Length == 0 || _editions[0].InForceFrom != DateTimeOffset.MinValue)
        {
            throw new ArgumentException("The first edition must be in force from DateTimeOffset.MinValue, so every instant has one.", nameof(editions));
        }

        for (var i = 1; i < _editions.Length; i++)
        {
            if (_editions[i].InForceFrom == _editions[i - 1].InForceFrom || _editions[i].Number <= _editions[i - 1].Number)
            {
                throw new ArgumentException($"Edition {_editions[i].Number} must come into force after edition {_editions[i - 1].Number}, with a higher number.", nameof(editions));
            }
        }
    }

    /// <summary>The editions of this release; a new edition is added here (docs/architecture.md, "Form editions").</summary>
    public static FormEditions Current { get; } = new([new FormEditionOne()]);

    public IReadOnlyList<FormEdition> All => _editions;

    /// <summary>The edition in force at <paramref name="at"/>.</summary>
    public FormEdition At(DateTimeOffset at)
    {
        for (var i = _editions.Length - 1; i > 0; i--)
        {
            if (_editions[i].InForceFrom <= at)
            {
                return _editions[i];
            }
        }

        return _editions[0];
    }
}
