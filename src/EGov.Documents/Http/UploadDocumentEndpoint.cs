using System.Globalization;
using EGov.Calendar;
using EGov.Documents.Access;
using EGov.Documents.Content;
using EGov.Documents.Model;
using EGov.Documents.Upload;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>
/// <c>POST /api/v1/documents</c> (multipart: <c>file</c>, <c>type</c>, <c>ownerIdNumber</c>; optional <c>contentType</c>,
/// <c>issuer</c>, <c>issuedOn</c>, <c>expiresOn</c>). The client's declared content type is the <c>contentType</c>
/// field, else the file part's Content-Type header; <c>application/octet-stream</c> or nothing declares nothing.
/// The bytes decide the stored content type: outside the allow-list → 415; contradicting a declaration → 422.
/// </summary>
public static class UploadDocumentEndpoint
{
    /// <summary>Room for the multipart boundaries, part headers and text fields around the file itself.</summary>
    public const long EnvelopeBytes = 64 * 1024;

    /// <summary>Upload a document to the vault (tải giấy tờ lên) as a multipart form.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverinePost("/api/v1/documents", OperationId = "uploadDocument")]
    [Tags("Documents")]
    [Consumes("multipart/form-data")]
    [ProducesResponseType<DocumentDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<DocumentDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Post(HttpContext http, DocumentVault vault, DocumentsOptions options, DocumentTypeCatalog types, BusinessTimeZone zone)
    {
        var caller = CallerFactory.From(http.User);
        var isCitizen = caller.Has(Roles.Citizen) && caller.CitizenId is not null;
        if (!isCitizen && !DocumentAccessRules.IsOfficer(caller))
        {
            return DocumentProblems.Forbidden("Chỉ công dân (giấy tờ của mình) và cán bộ được tải giấy tờ lên / Only citizens (their own papers) and officers may upload.");
        }

        // The host's JSON body cap skips multipart: this endpoint sets its own, file limit plus the envelope.
        var maxRequest = options.MaxBytes + EnvelopeBytes;
        if (http.Request.ContentLength > maxRequest)
        {
            return DocumentProblems.TooLarge(options.MaxBytes);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxRequest;
        }

        UploadForm form;
        try
        {
            form = await UploadForm.ReadAsync(http.Request, options.SpoolPath!, options.MaxBytes, http.RequestAborted);
        }
        catch (UploadTooLargeException)
        {
            return DocumentProblems.TooLarge(options.MaxBytes);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return DocumentProblems.TooLarge(options.MaxBytes);
        }
        catch (MalformedUploadException e)
        {
            return DocumentProblems.Malformed(e.Message);
        }
        catch (InvalidDataException e)
        {
            return DocumentProblems.Malformed($"Không đọc được multipart / The multipart body could not be read: {e.Message}");
        }
        catch (IOException) when (!http.RequestAborted.IsCancellationRequested)
        {
            // The multipart reader's word for a body that ends before its closing boundary (empty, cut short).
            return DocumentProblems.Malformed("Thân multipart bị cắt cụt / The multipart body ends before its closing boundary.");
        }

        await using (form)
        {
            if (form.TextViolations.Count > 0)
            {
                return ProblemResults.InvalidText(form.TextViolations);
            }

            var owner = form.Field("ownerIdNumber") ?? (isCitizen ? caller.CitizenId : null);
            var (meta, errors) = Validate(form, owner, types);
            if (errors.Count > 0)
            {
                return ProblemResults.Validation(errors);
            }

            if (!DocumentAccessRules.IsOfficer(caller) && !DocumentAccessRules.IsOwner(caller, owner!))
            {
                return DocumentProblems.Forbidden("Công dân chỉ tải giấy tờ của chính mình / A citizen uploads only their own documents.");
            }

            var detected = ContentSniffer.Detect(form.File!.Head);
            if (!MediaTypes.Allowed.Contains(detected))
            {
                return DocumentProblems.UnsupportedMediaType(detected);
            }

            var declared = MediaTypes.NormalizeDeclared(form.Field("contentType") ?? form.FileContentType);
            if (declared is not null && declared != detected)
            {
                return DocumentProblems.ContentMismatch(declared, detected);
            }

            var (document, created) = await vault.SaveAsync(form.File, meta! with { ContentType = detected }, caller, http.RequestAborted);
            var dto = DocumentDto.From(document, types, zone);
            return created ? TypedResults.Created($"/api/v1/documents/{document.Id}", dto) : TypedResults.Ok(dto);
        }
    }

    private static (NewDocument? Meta, List<FieldError> Errors) Validate(UploadForm form, string? owner, DocumentTypeCatalog types)
    {
        var errors = new List<FieldError>();
        if (form.File is null)
        {
            errors.Add(new("file", "Thiếu tệp (trường 'file') / The file part 'file' is required."));
        }
        else if (form.File.Size == 0)
        {
            errors.Add(new("file", "Tệp rỗng / The file is empty."));
        }

        if (!OwnerId.IsValid(owner))
        {
            errors.Add(new("ownerIdNumber",
                "Số định danh (12 chữ số) hoặc mã số thuế (10 hoặc 13 số) / A 12-digit citizen identity number or a tax code (10 digits, or 10-3) is required."));
        }

        var type = form.Field("type");
        if (types.Find(type) is null)
        {
            errors.Add(new("type", "Loại giấy tờ không có trong danh mục (GET /api/v1/document-types) / The document type is not in the catalog (GET /api/v1/document-types)."));
        }

        var issuer = form.Field("issuer");
        if (issuer is { Length: > 200 })
        {
            errors.Add(new("issuer", "Cơ quan cấp tối đa 200 ký tự / The issuer is at most 200 characters."));
        }

        var issuedOn = Date(form, "issuedOn", errors);
        var expiresOn = Date(form, "expiresOn", errors);
        if (issuedOn is { } i && expiresOn is { } e && e < i)
        {
            errors.Add(new("expiresOn", "Ngày hết hạn trước ngày cấp / The expiry date is before the issue date."));
        }

        return errors.Count > 0 ? (null, errors) : (new NewDocument(owner!, type!, string.Empty, issuer, issuedOn, expiresOn), errors);
    }

    private static DateOnly? Date(UploadForm form, string field, List<FieldError> errors)
    {
        var text = form.Field(field);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= InputRanges.FirstDocumentDate && date <= InputRanges.LastDate)
        {
            return date;
        }

        errors.Add(new(field, InputRanges.DateMessage(field, InputRanges.FirstDocumentDate, InputRanges.LastDate)));
        return null;
    }
}
