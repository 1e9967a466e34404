// Submit online (#/nop/CODE): the applicant, the procedure's own form rendered from its schema, the required
// documents (reused from the vault or uploaded into it), then POST /api/v1/dossiers with channel Online.
import { put } from "./dom.js";
import { el } from "/pages/shared/format.js";
import { ApiError, postJson, splitMessage } from "./api.js";
import { procedureDetail } from "./catalog.js";
import { EMAIL, PHONE, fieldShell, renderFormFields, setFieldError } from "./form-fields.js";
import { bi, tx } from "./i18n.js";
import { uuid } from "./uuid.js";
import { documentGroup, loadVault } from "./vault.js";

function applicantFields(container, citizen) {
  const fullName = el("input", { type: "text", autocomplete: "name", maxlength: "200" });
  fullName.value = citizen.name ?? "";
  const phone = el("input", { type: "tel", inputmode: "tel", autocomplete: "tel", maxlength: "15" });
  const email = el("input", { type: "email", inputmode: "email", autocomplete: "email", maxlength: "254" });
  const address = el("textarea", { rows: "2", autocomplete: "street-address", maxlength: "500", class: "prose" });
  container.append(
    el("dl", { class: "facts" }, el("dt", {}, tx("idNumber")), el("dd", { id: "a-id" }, citizen.citizenId)),
    fieldShell("a-fullName", tx("fullName"), null, fullName, { required: true, field: "applicant.fullName" }),
    fieldShell("a-phone", tx("phone"), tx("phoneHint"), phone, { field: "applicant.phone" }),
    fieldShell("a-email", tx("email"), null, email, { field: "applicant.email" }),
    fieldShell("a-address", tx("address"), null, address, { field: "applicant.address" }));
  return {
    read() {
      const invalid = [];
      const rules = [
        [fullName, !fullName.value.trim() ? { vi: "Họ và tên là bắt buộc.", en: "The full name is required." } : null],
        [phone, phone.value.trim() && !PHONE.test(phone.value.trim()) ? { vi: "Số điện thoại không hợp lệ, ví dụ 0912345678.", en: "Not a Vietnamese phone number, e.g. 0912345678." } : null],
        [email, email.value.trim() && !EMAIL.test(email.value.trim()) ? { vi: "Địa chỉ thư điện tử không hợp lệ.", en: "The e-mail address is not valid." } : null],
      ];
      for (const [control, error] of rules) {
        setFieldError(control, error);
        if (error) invalid.push(control);
      }
      const text = (c) => c.value.trim() || null;
      return {
        applicant: { idNumber: citizen.citizenId, fullName: fullName.value.trim(), phone: text(phone), email: text(email), address: text(address) },
        invalid,
      };
    },
  };
}

/** The server's field errors (applicant.x, details.x) on the controls that hold those fields; the rest in one list. */
function showServerErrors(form, errors) {
  const unplaced = [];
  let first = null;
  for (const [field, messages] of Object.entries(errors ?? {})) {
    const control = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
    const text = splitMessage([].concat(messages).join(" "));
    if (control) {
      setFieldError(control, text);
      first ??= control;
    } else {
      unplaced.push(el("li", {}, `${field}: `, bi(text.vi, text.en)));
    }
  }
  return { first, unplaced };
}

export async function showSubmit(ctx) {
  const [code] = ctx.params;
  const citizen = ctx.citizen;
  const view = document.getElementById("view");
  const [procedure, vault] = await Promise.all([procedureDetail(code), loadVault()]);
  if (!ctx.alive()) return;

  const applicantBox = el("fieldset", { class: "section" }, el("legend", {}, tx("applicant")));
  const applicant = applicantFields(applicantBox, citizen);
  const schema = procedure.form?.fields ?? [];
  const detailsBox = el("fieldset", { class: "section", id: "form-details" }, el("legend", {}, tx("formDetails")));
  const details = renderFormFields(detailsBox, schema);
  const groups = procedure.requiredDocuments.map((r, i) => ({
    requirement: r,
    group: documentGroup({ id: `doc-${i}`, legend: r.name, mandatory: r.mandatory, type: r.type, vault, owner: citizen.citizenId }),
  }));
  const summary = el("div", { id: "error-summary", class: "message error", tabindex: "-1", hidden: "" });
  const send = el("button", { type: "submit", id: "send-dossier" }, tx("sendDossier"));
  const form = el("form", { id: "submit-form", novalidate: "" },
    summary,
    applicantBox,
    schema.length ? detailsBox : null,
    el("h2", {}, tx("documents")),
    el("p", { class: "hint" }, tx("documentsHint")),
    groups.map((g) => g.group.node),
    el("p", { class: "actions" }, send));

  put(view,
    el("p", { class: "breadcrumb" }, el("a", { href: `#/thu-tuc/${encodeURIComponent(procedure.code)}` }, tx("backToProcedure"))),
    el("h1", { tabindex: "-1" }, tx("submitTitle"), el("span", { class: "h1-sub" }, procedure.name)),
    el("p", { class: "hint" }, tx("requiredMark")),
    form);
  ctx.title("submitTitle");

  // One key per intended dossier: a retry after a lost answer names the same dossier. A refusal means the citizen
  // changes something, and a changed request under the old key would be refused as a reuse: so a new key then.
  let key = uuid();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    summary.hidden = true;
    const a = applicant.read();
    const d = details.read();
    const documentIds = [...new Set(groups.flatMap((g) => g.group.selected()))];
    const missing = [];
    for (const { requirement, group } of groups) {
      const lacking = requirement.mandatory && group.selected().length === 0;
      group.setError(lacking ? { vi: "Cần chọn hoặc tải lên giấy tờ này.", en: "Choose or upload this document." } : null);
      if (lacking) missing.push(group);
    }
    const invalid = [...a.invalid, ...d.invalid];
    if (invalid.length || missing.length) {
      summary.replaceChildren(tx("fixErrors", { count: invalid.length + missing.length }));
      summary.hidden = false;
      summary.focus();
      return;
    }

    send.disabled = true;
    ctx.announce("sending");
    try {
      const dossier = await postJson("/api/v1/dossiers", {
        procedureCode: procedure.code,
        channel: "Online",
        applicant: a.applicant,
        details: schema.length ? d.details : undefined,
        documentIds,
      }, { "Idempotency-Key": key });
      ctx.go(`/ho-so/${dossier.id}`, {
        vi: `Đã nộp hồ sơ. Mã hồ sơ của bạn: ${dossier.code}.`,
        en: `Your dossier has been submitted. Its code: ${dossier.code}.`,
      });
    } catch (error) {
      send.disabled = false;
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) key = uuid();
      if (error instanceof ApiError && error.code === "document-consent-required") {
        ctx.announce("consentRequired", true);
        return;
      }
      if (error instanceof ApiError && error.status === 400) {
        const { first, unplaced } = showServerErrors(form, error.errors);
        summary.replaceChildren(tx("fixErrors", { count: Object.keys(error.errors).length }), unplaced.length ? el("ul", {}, unplaced) : null);
        summary.hidden = false;
        ctx.announce(null);
        (first ?? summary).focus();
        return;
      }
      ctx.announceError(error);
    }
  });
}
