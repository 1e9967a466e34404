// The dossier page: applicant, details under the form schema's labels, the current step and who holds it, the
// caller's actions (with a reason box), the risk of lateness and the drafted apology (risk.js), documents, the
// printable forms 01–06 and the timeline from /history.
import { ApiError } from "/pages/shared/api.js";
import { el, statusName } from "/pages/shared/format.js";
import { openAssignDialog } from "./assign.js";
import { announce, api, downloadWithToken, dueCell, instant, person, roleName, session, unitName } from "./common.js";
import { renderForms } from "./forms.js";
import { refreshCounts } from "./queue.js";
import { apologySection, riskSection } from "./risk.js";
import { NEED_REASON, i18n, pick, t } from "./text.js";

const procedures = new Map();

/** A procedure's catalog entry (with its form schema), read once per page load. */
export async function procedureOf(code) {
  if (!procedures.has(code)) {
    procedures.set(code, api(`/api/v1/procedures/${encodeURIComponent(code)}`).then((r) => r.data).catch(() => null));
  }
  return procedures.get(code);
}

let current = null; // { dossier, etag }

function facts(pairs) {
  return el("dl", { class: "facts" }, ...pairs.flatMap(([key, value, attrs = {}]) => [el("dt", {}, t(key)), el("dd", attrs, ...[].concat(value))]));
}

function fieldLabel(procedure, name) {
  const field = procedure?.form?.fields?.find((f) => f.name === name);
  if (!field) return name;
  return i18n.currentLang() === "en" ? field.labelEn || field.labelVi : field.labelVi || field.labelEn;
}

function fieldValue(procedure, name, value) {
  const field = procedure?.form?.fields?.find((f) => f.name === name);
  const choice = field?.choices?.find((c) => c.value === value);
  if (choice) return i18n.currentLang() === "en" ? choice.labelEn : choice.labelVi;
  if (field?.type === "boolean") return value === "true" ? t("yes") : value === "false" ? t("no") : value;
  if (field?.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split("-").reverse().join("/");
  return value;
}

function stepBlock(dossier) {
  const step = dossier.currentStep;
  if (!step) return el("p", { id: "d-step" }, t("noStep"));
  return facts([
    ["step", `${step.name} — ${unitName(step.unit)} · ${roleName(step.role)}`, { id: "d-step" }],
    ["stepDueAt", dueCell(step.dueAt, false, false), { id: "d-step-due" }],
    ["heldBy", [person(step.assignee), step.assignedAt ? [" — ", instant(step.assignedAt)] : []], { id: "d-assignee" }],
  ]);
}

/** Whether an action needs a reason from this caller now (the server says so too; this only saves a round trip). */
function needsReason(action, dossier, claims) {
  if (NEED_REASON.has(action)) return true;
  const assignee = dossier.currentStep?.assignee?.subject;
  if (action === "release") return assignee !== undefined && assignee !== claims.subject;
  return false;
}

function actionsBlock(dossier, claims) {
  // Issuing the apology has its own panel beside the draft it issues.
  const available = dossier.availableActions.filter((a) => a !== "rate" && a !== "issue-apology");
  if (available.length === 0) return [el("p", { id: "d-no-actions" }, t("noActions"))];
  const needAny = available.some((a) => needsReason(a, dossier, claims) || a === "assign");
  const needsFiles = available.some((a) => a === "supplement" || a === "issue-result");
  const parts = [];
  if (needAny) {
    parts.push(el("label", { for: "d-reason" }, t("reason")),
      el("p", { class: "hint", id: "d-reason-hint" }, t("reasonHint")),
      el("textarea", { id: "d-reason", rows: "2", maxlength: "500", "aria-describedby": "d-reason-hint" }));
  }
  if (available.includes("extend")) {
    parts.push(el("label", { for: "d-days" }, t("workingDays")), el("input", { id: "d-days", type: "number", min: "1", max: "30", value: "1", inputmode: "numeric" }));
  }
  if (needsFiles) {
    parts.push(el("label", { for: "d-files" }, t("attachFiles")),
      el("input", { id: "d-files", type: "file", multiple: "", accept: "application/pdf,image/png,image/jpeg" }));
  }
  parts.push(el("div", { class: "action-buttons row" }, ...available.map((action) => {
    const label = t(`action-${action}`) + (needsReason(action, dossier, claims) ? " *" : "");
    const danger = ["refuse", "reject", "stop", "withdraw"].includes(action);
    return el("button", { type: "button", class: danger ? "danger" : "", "data-action": action }, label);
  })));
  return parts;
}

async function documentsBlock(ids, headingKey, headingId) {
  const list = el("ul", { class: "documents", "aria-labelledby": headingId });
  for (const id of ids) {
    const item = el("li", { "data-document": id });
    list.append(item);
    try {
      const { data } = await api(`/api/v1/documents/${id}`);
      const name = data.typeName ?? data.type;
      const extension = data.contentType === "application/pdf" ? "pdf" : data.contentType === "image/png" ? "png" : "jpg";
      const link = el("button", { type: "button", class: "link-button" }, `${t("download")}: ${name}`);
      link.addEventListener("click", () => downloadWithToken(`/api/v1/documents/${id}/content`, `${data.type}.${extension}`).catch(() => announce(t("failed"), "error")));
      item.append(link, el("span", { class: "sub" }, ` ${Math.ceil(data.size / 1024)} KB · ${data.contentType}`));
    } catch {
      item.append(id);
    }
  }
  return [el("h3", { id: headingId }, t(headingKey)), ids.length ? list : el("p", {}, t("noDocuments"))];
}

function timelineBlock(history) {
  return el("ol", { class: "timeline", id: "d-timeline", "aria-labelledby": "d-timeline-title" }, ...history.map((entry) => {
    const name = i18n.t(`event-${entry.type}`);
    return el("li", { "data-type": entry.type },
      el("strong", {}, name === `event-${entry.type}` ? entry.type : name), " — ", instant(entry.at), " — ",
      `${t("by")} ${entry.actor}`, entry.role ? ` (${roleName(entry.role)}${entry.unit ? `, ${unitName(entry.unit)}` : ""})` : "",
      entry.reason ? el("span", { class: "reason" }, ` — ${t("reason")}: ${entry.reason}`) : "");
  }));
}

async function render(dossier) {
  const view = document.getElementById("view-dossier");
  const claims = session.currentClaims();
  const procedure = await procedureOf(dossier.procedureCode);
  const [history, forms, risk] = await Promise.all([
    api(`/api/v1/dossiers/${dossier.id}/history`).then((r) => r.data).catch(() => []),
    api(`/api/v1/dossiers/${dossier.id}/forms`).then((r) => r.data).catch(() => []),
    api(`/api/v1/dossiers/${dossier.id}/risk`).then((r) => r.data).catch(() => null),
  ]);
  const status = statusName(dossier.status);
  const details = Object.entries(dossier.details ?? {});
  const applicant = dossier.applicant ?? {};

  const left = [
    facts([
      ["status", pick(status), { id: "d-status", "data-status": dossier.status }],
      ["procedure", dossier.procedureName, { id: "d-procedure" }],
      ["unitName", unitName(dossier.unit), { id: "d-unit" }],
      ...(dossier.receivingUnit && dossier.receivingUnit !== dossier.unit ? [["receivingUnit", unitName(dossier.receivingUnit), { id: "d-receiving-unit" }]] : []),
      ["channel", t(dossier.channel)],
      ["submittedAt", instant(dossier.submittedAt)],
      ["receivedAt", dossier.receivedAt ? instant(dossier.receivedAt) : t("notYet"), { id: "d-received" }],
      ["dueAt", dueCell(dossier.dueAt, dossier.overdue, dossier.dueSoon, dossier.atRisk), { id: "d-due" }],
      ...(dossier.escalationLevel ? [["escalation", t("escalationLevel", { n: dossier.escalationLevel }), { id: "d-escalation", "data-level": dossier.escalationLevel }]] : []),
      ...(dossier.apologies ? [["apologies", i18n.formatNumber(dossier.apologies), { id: "d-apologies" }]] : []),
      ...(dossier.catalogVersion ? [["catalogVersion", String(dossier.catalogVersion)]] : []),
    ]),
    el("section", { "aria-labelledby": "d-step-title" }, el("h2", { id: "d-step-title" }, t("step")), stepBlock(dossier)),
    riskSection(risk),
    apologySection(dossier, (extra) => act("issue-apology", extra)),
    el("section", { "aria-labelledby": "d-actions-title", id: "d-actions" }, el("h2", { id: "d-actions-title" }, t("actions")), ...actionsBlock(dossier, claims)),
    el("section", { "aria-labelledby": "d-timeline-title" }, el("h2", { id: "d-timeline-title" }, t("timeline")), timelineBlock(history)),
  ];
  const right = [
    el("section", { "aria-labelledby": "d-applicant-title" }, el("h2", { id: "d-applicant-title" }, t("applicantTitle")),
      facts([["fullName", applicant.fullName ?? "", { id: "d-applicant" }], ["idNumber", applicant.idNumber ?? ""], ["phone", applicant.phone ?? ""],
        ["email", applicant.email ?? ""], ["address", applicant.address ?? ""]])),
    el("section", { "aria-labelledby": "d-details-title" }, el("h2", { id: "d-details-title" }, t("details")),
      details.length ? el("dl", { class: "facts", id: "d-details" }, ...details.flatMap(([name, value]) =>
        [el("dt", { "data-field": name }, fieldLabel(procedure, name)), el("dd", {}, fieldValue(procedure, name, value))])) : el("p", {}, t("noDetails"))),
    el("section", { "aria-labelledby": "d-docs-title", id: "d-documents" }, el("h2", { id: "d-docs-title" }, t("documents")),
      ...await documentsBlock(dossier.documentIds ?? [], "submittedDocs", "d-docs-in"),
      ...((dossier.resultDocumentIds ?? []).length ? await documentsBlock(dossier.resultDocumentIds, "resultDocuments", "d-docs-out") : [])),
    el("section", { "aria-labelledby": "d-forms-title", id: "d-forms" }, el("h2", { id: "d-forms-title" }, t("forms")), renderForms(dossier, forms)),
  ];
  // Two columns on the office screen (state and actions beside the record), one on a phone.
  view.replaceChildren(
    el("p", {}, el("a", { href: "#/hang-viec" }, t("back"))),
    el("h1", { id: "dossier-title" }, `${t("dossier")} `, el("span", { id: "d-code" }, dossier.code)),
    el("div", { class: "dossier-grid" }, el("div", { class: "dossier-main" }, ...left), el("div", { class: "dossier-record" }, ...right)));
  view.dataset.id = dossier.id;
  view.dataset.version = String(dossier.version);
  for (const button of view.querySelectorAll("button[data-action]")) {
    button.addEventListener("click", () => act(button.dataset.action));
  }
}

/** Opens a dossier: GET it with its ETag, then its history and forms. */
export async function showDossier(id) {
  const view = document.getElementById("view-dossier");
  if (view.dataset.id !== id) view.replaceChildren(el("p", { class: "hint" }, t("loading")));
  try {
    const { data, etag } = await api(`/api/v1/dossiers/${encodeURIComponent(id)}`);
    current = { dossier: data, etag };
    await render(data);
  } catch (error) {
    view.replaceChildren(el("h1", { id: "dossier-title" }, t("dossier")), el("p", { class: "message error" }, error instanceof ApiError ? pick(error.text) : t("failed")));
  }
}

/** Re-renders the open dossier in the current language, from what was last read. */
export async function rerenderDossier() {
  if (current) await render(current.dossier);
}

async function uploadFiles(dossier, type) {
  const input = document.getElementById("d-files");
  const ids = [];
  for (const file of input?.files ?? []) {
    const form = new FormData();
    form.append("file", file);
    form.append("type", type);
    form.append("ownerIdNumber", dossier.applicant.idNumber);
    ids.push((await api("/api/v1/documents", { method: "POST", body: form })).data.id);
  }
  return ids;
}

/** The result's document type: the paper the procedure issues when the catalog says so, else the first required one. */
async function resultType(dossier, action) {
  const procedure = await procedureOf(dossier.procedureCode);
  if (action === "issue-result" && procedure?.resultDocumentType) return procedure.resultDocumentType;
  return procedure?.requiredDocuments?.[0]?.type ?? "identity-card";
}

/**
 * Sends an action with If-Match: the ETag of the version on screen. A 412 (or 409) means someone else moved the
 * dossier: it is read again and the officer decides anew.
 */
export async function act(action, extra = {}) {
  if (!current) return;
  const { dossier, etag } = current;
  const claims = session.currentClaims();
  if (action === "assign" && !extra.assignee) {
    openAssignDialog(dossier, (assignee, reason) => act("assign", { assignee, reason }));
    return;
  }

  const reasonBox = document.getElementById("d-reason");
  // The apology panel brings its own reason (changing the date); the reason box is for the other actions.
  const reason = extra.reason ?? (action === "issue-apology" ? "" : reasonBox?.value.trim() ?? "");
  if (needsReason(action, dossier, claims) && !reason) {
    announce(t("reasonRequired"), "error");
    reasonBox?.setAttribute("aria-invalid", "true");
    reasonBox?.focus();
    return;
  }

  const body = {};
  if (reason) body.reason = reason;
  if (action === "assign") body.assignee = extra.assignee;
  if (action === "extend") body.workingDays = Number(document.getElementById("d-days")?.value || 0);
  if (action === "issue-apology" && extra.workingDays) body.workingDays = extra.workingDays;
  try {
    if (action === "supplement" || action === "issue-result") {
      const ids = await uploadFiles(dossier, await resultType(dossier, action));
      if (ids.length) body.documentIds = ids;
    }
    const { data, etag: next } = await api(`/api/v1/dossiers/${dossier.id}/${action}`, { method: "POST", body, headers: etag ? { "if-match": etag } : {} });
    current = { dossier: data, etag: next };
    await render(data);
    announce(t("actionDone", { action: t(`action-${action}`) }));
    document.getElementById("d-status")?.focus?.();
    refreshCounts();
  } catch (error) {
    if (error instanceof ApiError && (error.status === 412 || error.status === 409) && error.code === "stale-version") {
      await showDossier(dossier.id);
      announce(t("changed"), "error");
      return;
    }
    announce(error instanceof ApiError ? error.text : t("failed"), "error");
    if (error instanceof ApiError && error.errors?.reason) reasonBox?.setAttribute("aria-invalid", "true");
  }
}

export { session };
