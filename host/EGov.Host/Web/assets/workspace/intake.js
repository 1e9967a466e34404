// Desk intake: a procedure, the applicant, the procedure's own form rendered from its schema (with the schema's
// checks here too, so the officer hears of a mistake before the server refuses it), the required documents scanned
// into the vault or reused from it, then the receipt (form 01) ready to print.
import { ApiError, splitBilingual } from "/pages/shared/api.js";
import { el, formatInstant } from "/pages/shared/format.js";
import { announce, api, clearAnnouncement, session, unitName } from "./common.js";
import { checkField, fieldControl, readField } from "./schema-form.js";
import { printHref } from "./forms.js";
import { refreshCounts } from "./queue.js";
import { currentLang, i18n, pick, t } from "./text.js";

let catalog = null;
let procedure = null;
let idempotencyKey = null;
let reusable = new Map(); // requirement type → document id chosen from the vault

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const APPLICANT = [
  { name: "idNumber", labelKey: "idNumber", type: "text", required: true, pattern: "^([0-9]{12}|[0-9]{10}(-[0-9]{3})?)$", maxLength: 14, hintKey: "idNumberHint", autocomplete: "off" },
  { name: "fullName", labelKey: "fullName", type: "text", required: true, maxLength: 200, autocomplete: "off" },
  { name: "phone", labelKey: "phone", type: "phone", required: false, maxLength: 20, autocomplete: "off" },
  { name: "email", labelKey: "email", type: "email", required: false, maxLength: 200, autocomplete: "off" },
  { name: "address", labelKey: "address", type: "text", required: false, maxLength: 300, autocomplete: "off" },
];

function applicantField(field) {
  return { ...field, labelVi: i18n.t(field.labelKey), labelEn: i18n.t(field.labelKey), helpVi: field.hintKey ? t(field.hintKey) : null, helpEn: field.hintKey ? t(field.hintKey) : null };
}

async function loadCatalog() {
  if (!catalog) catalog = (await api("/api/v1/procedures")).data;
  return catalog;
}

function procedureSelect() {
  const claims = session.currentClaims();
  const byUnit = new Map();
  for (const p of catalog) {
    if (!byUnit.has(p.unit)) byUnit.set(p.unit, []);
    byUnit.get(p.unit).push(p);
  }
  // The desk's own unit first: most intakes are its own procedures; any other unit's follow (Decree 118/2025).
  const units = [...byUnit.keys()].sort((a, b) => (a === claims?.unit ? -1 : b === claims?.unit ? 1 : a.localeCompare(b)));
  return el("select", { id: "i-procedure", name: "procedure", required: "" },
    el("option", { value: "" }, t("pickProcedure")),
    ...units.map((unit) => el("optgroup", { label: unitName(unit) },
      ...byUnit.get(unit).map((p) => el("option", { value: p.code, selected: procedure?.code === p.code ? "" : null }, `${p.code} — ${p.name}`)))));
}

function documentRow(requirement, index) {
  const id = `i-doc-${index}`;
  return el("li", { class: "requirement", "data-type": requirement.type },
    el("p", { class: "req-name" }, requirement.name, " ",
      el("span", { class: requirement.mandatory ? "flag flag-required" : "sub" }, requirement.mandatory ? t("mandatory") : t("optional"))),
    el("label", { for: id }, t("upload")),
    el("input", { id, type: "file", accept: "application/pdf,image/png,image/jpeg", "data-type": requirement.type }),
    el("div", { class: "reuse-slot", "data-reuse": requirement.type }));
}

function reuseBlock() {
  return el("fieldset", { id: "i-reuse", class: "reuse" },
    el("legend", {}, t("reuseTitle")),
    el("p", { class: "hint" }, t("reuseHint")),
    el("label", { for: "i-consent-basis" }, t("consentBasis")),
    el("select", { id: "i-consent-basis" },
      el("option", { value: "present-identity-checked" }, t("present-identity-checked")),
      el("option", { value: "signed-consent-form" }, t("signed-consent-form"))),
    el("label", { for: "i-consent-reason" }, t("consentReason")),
    el("input", { id: "i-consent-reason", type: "text", maxlength: "500", value: currentLang() === "en" ? "The citizen is at the counter and agreed." : "Công dân có mặt tại quầy và đồng ý." }),
    el("p", {}, el("button", { type: "button", id: "i-find-vault", class: "secondary" }, t("findInVault"))));
}

function renderForm() {
  const view = document.getElementById("view-intake");
  const claims = session.currentClaims();
  const parts = [
    el("h1", { id: "intake-title" }, t("intakeTitle")),
    el("label", { for: "i-procedure" }, t("chooseProcedure")),
    procedureSelect(),
  ];
  if (procedure) {
    const time = `${procedure.processingTime.value} ${t(procedure.processingTime.unit)}`;
    const fee = procedure.fee ? new Intl.NumberFormat("vi-VN").format(procedure.fee) + " ₫" : "0 ₫";
    parts.push(el("p", { class: "hint", id: "i-procedure-facts" }, t("procedureFacts", { time, fee })));
    if (claims?.unit && procedure.unit !== claims.unit) {
      parts.push(el("p", { class: "message", id: "i-other-unit" }, t("otherUnit", { unit: unitName(procedure.unit) })));
    }
    const fields = procedure.form?.fields ?? [];
    parts.push(
      el("fieldset", { class: "channel" }, el("legend", {}, t("channel")),
        ...["Desk", "Post"].map((channel) => el("div", { class: "radio" },
          el("input", { type: "radio", name: "channel", id: `i-channel-${channel}`, value: channel, checked: channel === "Desk" ? "" : null }),
          el("label", { for: `i-channel-${channel}` }, t(channel))))),
      el("fieldset", { id: "i-applicant" }, el("legend", {}, t("applicantTitle")), ...APPLICANT.map((f) => fieldControl(applicantField(f), "i-applicant-"))),
      el("fieldset", { id: "i-details" }, el("legend", {}, t("formTitle")),
        ...(fields.length ? fields.map((f) => fieldControl(f, "i-field-")) : [el("p", { class: "hint" }, t("noFormFields"))])),
      el("fieldset", { id: "i-documents" }, el("legend", {}, t("requiredDocs")),
        el("ul", { class: "requirements" }, ...procedure.requiredDocuments.map(documentRow)), reuseBlock()),
      el("p", { id: "i-errors", class: "message error", role: "alert" }),
      el("p", {}, el("button", { type: "submit", id: "i-submit" }, t("submit"))));
  }
  const form = el("form", { id: "intake-form", novalidate: "" }, ...parts);
  view.replaceChildren(form);
  form.querySelector("#i-procedure").addEventListener("change", (event) => chooseProcedure(event.target.value));
  form.querySelector("#i-find-vault")?.addEventListener("click", findInVault);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
}

async function chooseProcedure(code) {
  reusable = new Map();
  idempotencyKey = newKey();
  procedure = code ? (await api(`/api/v1/procedures/${encodeURIComponent(code)}`)).data : null;
  renderForm();
  document.getElementById(procedure ? "i-applicant-idNumber" : "i-procedure")?.focus();
}

/** Opens the intake with an empty form (n, or the nav link). */
export async function showIntake() {
  try {
    await loadCatalog();
  } catch (error) {
    announce(error instanceof ApiError ? error.text : t("failed"), "error");
    return;
  }
  if (!idempotencyKey) idempotencyKey = newKey();
  renderForm();
  document.getElementById("i-procedure").focus();
}

export function rerenderIntake() {
  if (catalog && document.getElementById("intake-form")) renderForm();
}

async function findInVault() {
  const owner = document.getElementById("i-applicant-idNumber").value.trim();
  const error = checkField(applicantField(APPLICANT[0]), owner);
  if (error) {
    markError("i-applicant-idNumber", error);
    return;
  }
  try {
    await api(`/api/v1/procedures/${encodeURIComponent(procedure.code)}/desk-consents`, {
      method: "POST",
      body: { ownerIdNumber: owner, basis: document.getElementById("i-consent-basis").value, reason: document.getElementById("i-consent-reason").value.trim() },
    });
    const { data } = await api(`/api/v1/procedures/${encodeURIComponent(procedure.code)}/prefill?ownerIdNumber=${encodeURIComponent(owner)}`);
    for (const requirement of data.requirements) {
      const slot = document.querySelector(`.reuse-slot[data-reuse='${CSS.escape(requirement.type)}']`);
      if (!slot) continue;
      if (!requirement.met) {
        slot.replaceChildren(el("p", { class: "sub" }, t("noneInVault")));
        continue;
      }
      const doc = requirement.documents[0];
      const id = `i-reuse-${requirement.type}`;
      const box = el("input", { type: "checkbox", id, checked: "", "data-document": doc.id });
      reusable.set(requirement.type, doc.id);
      box.addEventListener("change", () => (box.checked ? reusable.set(requirement.type, doc.id) : reusable.delete(requirement.type)));
      slot.replaceChildren(el("div", { class: "radio" }, box,
        el("label", { for: id }, `${t("useThis")} — ${t("inVault", { name: doc.typeName ?? doc.type, day: doc.issuedOn ? doc.issuedOn.split("-").reverse().join("/") : "—" })}`)));
    }
    announce(t("reuseTitle"));
  } catch (failure) {
    announce(failure instanceof ApiError ? failure.text : t("failed"), "error");
  }
}

function markError(id, message) {
  const input = document.getElementById(id);
  const slot = document.getElementById(`${id}-error`);
  if (!input) return;
  input.setAttribute("aria-invalid", "true");
  if (slot) slot.textContent = message;
}

function clearErrors() {
  for (const node of document.querySelectorAll("#intake-form [aria-invalid]")) node.removeAttribute("aria-invalid");
  for (const node of document.querySelectorAll("#intake-form .field-error")) node.textContent = "";
  document.getElementById("i-errors").textContent = "";
}

/** Reads and checks the whole form: { body, errors: [[inputId, message]] }. */
function collect() {
  const errors = [];
  const applicant = {};
  for (const field of APPLICANT) {
    const value = document.getElementById(`i-applicant-${field.name}`).value.trim();
    const error = checkField(applicantField(field), value);
    if (error) errors.push([`i-applicant-${field.name}`, error]);
    if (value) applicant[field.name] = value;
  }
  const details = {};
  for (const field of procedure.form?.fields ?? []) {
    const { value, error } = readField(field, "i-field-");
    if (error) errors.push([`i-field-${field.name}`, error]);
    if (value !== null && value !== "") details[field.name] = value;
  }
  const channel = document.querySelector("input[name='channel']:checked")?.value ?? "Desk";
  return { body: { procedureCode: procedure.code, channel, applicant, details }, errors };
}

/** Maps a server refusal's field names (applicant.fullName, details.x) to the inputs they came from. */
function serverFieldId(field) {
  const [head, name] = field.split(".");
  if (head === "applicant" && name) return `i-applicant-${name}`;
  if (head === "details" && name) return `i-field-${name}`;
  return null;
}

async function submit() {
  clearErrors();
  clearAnnouncement();
  const { body, errors } = collect();
  if (errors.length) {
    for (const [id, message] of errors) markError(id, message);
    document.getElementById("i-errors").textContent = t("fixErrors", { n: errors.length });
    document.getElementById(errors[0][0]).focus();
    return;
  }

  const button = document.getElementById("i-submit");
  button.disabled = true;
  button.textContent = t("submitting");
  try {
    const documentIds = [...reusable.values()];
    for (const input of document.querySelectorAll("#i-documents input[type='file']")) {
      for (const file of input.files ?? []) {
        const form = new FormData();
        form.append("file", file);
        form.append("type", input.dataset.type);
        form.append("ownerIdNumber", body.applicant.idNumber);
        documentIds.push((await api("/api/v1/documents", { method: "POST", body: form })).data.id);
      }
    }
    body.documentIds = [...new Set(documentIds)];
    const { data } = await api("/api/v1/dossiers", { method: "POST", body, headers: { "idempotency-key": idempotencyKey } });
    idempotencyKey = null;
    refreshCounts();
    await showReceipt(data);
  } catch (error) {
    button.disabled = false;
    button.textContent = t("submit");
    if (error instanceof ApiError) {
      const marked = Object.entries(error.errors ?? {}).map(([field, messages]) => {
        const id = serverFieldId(field);
        if (id) markError(id, pick(splitBilingual([].concat(messages)[0])));
        return id;
      }).filter(Boolean);
      announce(error.text, "error");
      if (marked.length) document.getElementById(marked[0])?.focus();
    } else {
      announce(t("failed"), "error");
    }
  }
}

async function showReceipt(dossier) {
  const view = document.getElementById("view-intake");
  const forms = await api(`/api/v1/dossiers/${dossier.id}/forms`).then((r) => r.data).catch(() => []);
  const receipt = forms.find((f) => f.form === "01");
  const printButton = el("button", { type: "button", id: "r-print-receipt" }, t("printReceipt"));
  printButton.disabled = !receipt;
  // window.open (not a noopener link) so the new tab gets a copy of this tab's sessionStorage, and with it the token.
  printButton.addEventListener("click", () => window.open(printHref(dossier.id, receipt.id), "_blank"));
  const again = el("button", { type: "button", class: "secondary", id: "r-new" }, t("newIntake"));
  again.addEventListener("click", () => {
    procedure = null;
    showIntake();
  });
  view.replaceChildren(
    el("h1", { id: "intake-title" }, t("receiptTitle", { code: dossier.code })),
    el("dl", { class: "facts", id: "r-receipt" },
      el("dt", {}, t("code")), el("dd", { id: "r-code" }, dossier.code),
      el("dt", {}, t("procedure")), el("dd", {}, dossier.procedureName),
      el("dt", {}, t("dueAt")), el("dd", { id: "r-due" }, dossier.dueAt ? formatInstant(dossier.dueAt) : t("noDue"))),
    el("p", {}, t("receiptNote")),
    el("p", { class: "row" }, printButton, el("a", { href: `#/ho-so/${dossier.id}`, id: "r-open", class: "button-link" }, t("openDossier")), again));
  announce(t("receiptTitle", { code: dossier.code }));
  printButton.focus();
}
