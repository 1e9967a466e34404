using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;

namespace EGov.Dossiers.Tests;

/// <summary>The one parse from a URL action and a loose body into the typed command the grain receives.</summary>
public sealed class ActionInputTests
{
    private static readonly Caller Who = P.Citizen;

    private static ActionInput Input(string action, string? reason = "Lý do / reason", int? workingDays = 5, int? rating = 3, string? toStepId = "review") =>
        new(action, 7, reason, [Commands.Document], workingDays, rating, toStepId, Who) { Assignee = "officer-x" };

    [Fact]
    public void Every_action_parses_into_its_own_record_carrying_caller_version_and_its_fields()
    {
        foreach (var action in A.All)
        {
            var (command, error) = Input(action).Parse();

            Assert.Null(error);
            Assert.Equal(action, command!.Action);
            Assert.Same(Who, command.Caller);
            Assert.Equal(7L, command.ExpectedVersion);
            Assert.Equal("Lý do / reason", command.Why);
        }

        Assert.Equal(5, Assert.IsType<DossierCommand.Extend>(Input(A.Extend).Parse().Command).WorkingDays);
        Assert.Equal(3, Assert.IsType<DossierCommand.Rate>(Input(A.Rate).Parse().Command).Rating);
        Assert.Equal("review", Assert.IsType<DossierCommand.ReturnStep>(Input(A.ReturnStep).Parse().Command).ToStepId);
        Assert.Equal([Commands.Document], Assert.IsType<DossierCommand.Supplement>(Input(A.Supplement).Parse().Command).DocumentIds);
        Assert.Equal([Commands.Document], Assert.IsType<DossierCommand.IssueResult>(Input(A.IssueResult).Parse().Command).DocumentIds);
    }

    [Fact]
    public void A_missing_required_field_is_invalid_input_naming_the_field()
    {
        foreach (var action in A.NeedReason)
        {
            foreach (var reason in new[] { null, "", "   " })
            {
                var (command, error) = Input(action, reason: reason).Parse();
                Assert.Null(command);
                Assert.Equal((ErrorKind.Invalid, "invalid-input", "reason"), (error!.Kind, error.Code, error.Field));
            }
        }

        Assert.Equal("workingDays", Input(A.Extend, workingDays: null).Parse().Error!.Field);
        Assert.Equal("rating", Input(A.Rate, rating: null).Parse().Error!.Field);
    }

    [Fact]
    public void Optional_fields_may_be_left_out_and_a_reason_is_trimmed()
    {
        Assert.Null(Input(A.Approve, reason: null).Parse().Command!.Why);
        Assert.Null(Assert.IsType<DossierCommand.ReturnStep>(Input(A.ReturnStep, toStepId: null).Parse().Command).ToStepId);
        Assert.Equal("x", Input(A.Refuse, reason: "  x ").Parse().Command!.Why);
    }

    [Fact]
    public void An_unknown_action_is_not_found_and_lists_the_known_ones()
    {
        var (command, error) = Input("approve-everything").Parse();

        Assert.Null(command);
        Assert.Equal((ErrorKind.NotFound, "unknown-action"), (error!.Kind, error.Code));
        Assert.Contains(A.Extend, error.Message, StringComparison.Ordinal);
    }
}
