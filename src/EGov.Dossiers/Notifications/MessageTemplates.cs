using System.Collections.Frozen;
using System.Text;

namespace EGov.Dossiers.Notifications;

/// <summary>
/// The text of each message kind: an embedded resource <c>Templates/{kind}.txt</c> whose first line is the subject
/// and the rest the body, Vietnamese first and English after (docs/notifications.md, "Templates"). Placeholders are
/// <c>{{name}}</c>; a value is put in verbatim (the mail is plain text), and a placeholder with no value is left empty.
/// </summary>
public sealed class MessageTemplates
{
    private readonly FrozenDictionary<string, (string Subject, string Body)> _templates;

    private MessageTemplates(FrozenDictionary<string, (string Subject, string Body)> templates) => _templates = templates;

    /// <summary>The platform's own templates, one per kind in <see cref="MessageKinds.All"/>; a missing one stops the host at start-up.</summary>
    public static MessageTemplates Embedded { get; } = Load();

    public (string Subject, string Body) Render(string kind, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (subject, body) = _templates.TryGetValue(kind, out var template)
            ? template
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No template for this message kind.");
        return (Fill(subject, values).ReplaceLineEndings(" "), Fill(body, values));
    }

    /// <summary>Replaces every <c>{{key}}</c> in one left-to-right pass, so a value that itself holds braces is never expanded.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder(template.Length + 64);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }

            text.Append(template, at, open - at);
            text.Append(values.GetValueOrDefault(template[(open + 2)..close].Trim(), string.Empty));
            at = close + 2;
        }

        return text.ToString();
    }

    private static MessageTemplates Load()
    {
        var assembly = typeof(MessageTemplates).Assembly;
        var templates = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var kind in MessageKinds.All)
        {
            var name = $"{typeof(MessageTemplates).Namespace}.Templates.{kind}.txt";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The message template {name} is not embedded in {assembly.GetName().Name}.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var subject = reader.ReadLine() ?? string.Empty;
            templates[kind] = (subject, reader.ReadToEnd().ReplaceLineEndings("\n").Trim('\n') + "\n");
        }

        return new MessageTemplates(templates.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
