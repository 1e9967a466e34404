using System.Globalization;

namespace EGov.Host.Errors;

/// <summary>
/// Says, in Vietnamese and English and without naming a .NET type, what a field or parameter accepts: the values of an
/// enum, the range of an integer, the shape of an instant. Used where the framework refused a value it could not
/// convert (a body that does not bind, a query value that does not parse), so a client learns how to fix the request.
/// </summary>
internal static class ExpectedValue
{
    public static string Describe(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            var names = string.Join(", ", Enum.GetNames(t));
            return $"Giá trị không hợp lệ; chỉ nhận một trong: {names} / Invalid value; accepted values: {names}.";
        }

        return t switch
        {
            _ when t == typeof(string) => "Cần một chuỗi / A string is expected.",
            _ when t == typeof(bool) => "Cần true hoặc false / true or false is expected.",
            _ when t == typeof(int) => Whole(int.MinValue, int.MaxValue),
            _ when t == typeof(long) => Whole(long.MinValue, long.MaxValue),
            _ when t == typeof(short) => Whole(short.MinValue, short.MaxValue),
            _ when t == typeof(byte) => Whole(byte.MinValue, byte.MaxValue),
            _ when t == typeof(uint) => Whole(uint.MinValue, uint.MaxValue),
            _ when t == typeof(ulong) => Whole(ulong.MinValue, ulong.MaxValue),
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => "Cần một số / A number is expected.",
            _ when t == typeof(DateTimeOffset) || t == typeof(DateTime) =>
                "Cần một thời điểm ISO 8601 có múi giờ, ví dụ 2026-02-13T16:00:00+07:00 / An ISO 8601 instant with an offset is expected, e.g. 2026-02-13T16:00:00+07:00.",
            _ when t == typeof(DateOnly) => "Cần một ngày dạng yyyy-mm-dd, ví dụ 2026-02-13 / A date yyyy-mm-dd is expected, e.g. 2026-02-13.",
            _ when t == typeof(TimeOnly) => "Cần một giờ dạng HH:mm:ss / A time of day HH:mm:ss is expected.",
            _ when t == typeof(TimeSpan) => "Cần một khoảng thời gian dạng d.HH:mm:ss / A duration d.HH:mm:ss is expected.",
            _ when t == typeof(Guid) => "Cần một uuid, ví dụ 0193e2f4-5a6b-7c8d-9e0f-a1b2c3d4e5f6 / A uuid is expected, e.g. 0193e2f4-5a6b-7c8d-9e0f-a1b2c3d4e5f6.",
            _ when IsMap(t) => "Cần một đối tượng JSON gồm các cặp khóa–giá trị / A JSON object of key–value pairs is expected.",
            _ when t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t) => "Cần một mảng JSON / A JSON array is expected.",
            _ => "Cần một đối tượng JSON / A JSON object is expected.",
        };
    }

    /// <summary>
    /// The type a framework message names (Wolverine's query-value problem says <c>int</c>, <c>bool</c>,
    /// <c>System.DateTimeOffset</c>, an enum's full name), or null when no loaded type has that name.
    /// </summary>
    public static Type? Named(string? name) => name switch
    {
        null or "" => null,
        "int" => typeof(int),
        "long" => typeof(long),
        "short" => typeof(short),
        "byte" => typeof(byte),
        "uint" => typeof(uint),
        "ulong" => typeof(ulong),
        "bool" => typeof(bool),
        "string" => typeof(string),
        "decimal" => typeof(decimal),
        "double" => typeof(double),
        "float" => typeof(float),
        _ => Found.GetOrAdd(name.TrimEnd('?'), static n => Type.GetType(n, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(n, throwOnError: false)).FirstOrDefault(t => t is not null)),
    };

    // The names come from the framework's message about an endpoint's own parameter types (a small, fixed set), so
    // caching them bounds the assembly scan to once per type instead of once per bad query value.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Type?> Found = new(StringComparer.Ordinal);

    private static string Whole<T>(T min, T max)
        where T : IFormattable =>
        string.Create(CultureInfo.InvariantCulture,
            $"Cần một số nguyên từ {min} đến {max} / A whole number from {min} to {max} is expected.");

    private static bool IsMap(Type t) =>
        t.GetInterfaces().Append(t).Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
}
