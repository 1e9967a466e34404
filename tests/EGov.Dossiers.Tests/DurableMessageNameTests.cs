using Wolverine.Util;

namespace EGov.Dossiers.Tests;

/// <summary>
/// Durable messages are stored under their Wolverine name; a stored message whose name no handler knows is never
/// handled. Moving a message type must not change the name (deadline alarms are scheduled weeks ahead).
/// </summary>
public sealed class DurableMessageNameTests
{
    [Theory]
    [InlineData(typeof(DeadlineAlarm), "EGov.Dossiers.Lifecycle.DeadlineAlarm")]
    [InlineData(typeof(CalendarChanged), "EGov.Dossiers.Deadlines.CalendarChanged")]
    public void A_durable_message_keeps_the_name_it_was_stored_under(Type message, string storedName) =>
        Assert.Equal(storedName, message.ToMessageTypeName());
}
