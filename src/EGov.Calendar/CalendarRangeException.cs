namespace EGov.Calendar;

/// <summary>
/// The calendar's one refusal: an instant, a count or an office-time amount outside <see cref="CalendarRange"/>, or a
/// walk whose answer would fall outside it. An <see cref="ArgumentException"/> so callers that validate arguments
/// keep working; APIs map it to 400 naming <see cref="ArgumentException.ParamName"/>.
/// </summary>
public sealed class CalendarRangeException : ArgumentException
{
    public CalendarRangeException()
    {
    }

    public CalendarRangeException(string message)
        : base(message)
    {
    }

    public CalendarRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CalendarRangeException(string message, string paramName)
        : base(message, paramName)
    {
    }
}
