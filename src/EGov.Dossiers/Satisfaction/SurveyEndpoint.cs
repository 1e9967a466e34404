using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Satisfaction;

/// <summary><c>GET /api/v1/satisfaction/survey</c>: the questions a rating answers, for any page that shows the form.</summary>
public static class SurveyEndpoint
{
    /// <summary>Get the satisfaction survey (phiếu đánh giá mức độ hài lòng): criteria, levels, version and source.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/v1/satisfaction/survey", OperationId = "getSatisfactionSurvey")]
    [Tags("Satisfaction")]
    [ProducesResponseType<SatisfactionSurvey>(StatusCodes.Status200OK)]
    public static IResult Get(SatisfactionSurvey survey) => TypedResults.Ok(survey);
}
