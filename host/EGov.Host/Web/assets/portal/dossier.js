// One dossier of the citizen (#/ho-so/ID): status, appointment and the next thing to do, agreeing with
// GET /api/v1/dossiers/{id} and the public lookup; then what the citizen can do now (supplement, rate, download the
// result) and the timeline.
import { put } from "./dom.js";
import { el, formatInstant } from "/pages/shared/format.js";
import { download, getJson } from "./api.js";
import { procedureDetail, unitNames } from "./catalog.js";
import { appointment } from "./dossiers.js";
import { bi, tx } from "./i18n.js";
import { loadSurvey, ratedPanel, ratingPanel } from "./rating.js";
import { nextStep, plainStatus } from "./status.js";
import { supplementPanel } from "./supplement.js";
import { timeline } from "./timeline.js";

function when(iso, noneKey) {
  return iso ? el("time", { datetime: iso }, formatInstant(iso)) : tx(noneKey);
}

async function resultPanel(ctx, dossier) {
  const documents = await Promise.all(dossier.resultDocumentIds.map((id) =>
    getJson(`/api/v1/documents/${encodeURIComponent(id)}`).catch(() => ({ id, typeName: null, type: null }))));
  return el("section", { id: "result-panel", class: "panel", "aria-labelledby": "result-title" },
    el("h2", { id: "result-title" }, tx("resultTitle")),
    el("ul", { class: "doc-list" }, documents.map((d, i) => {
      const button = el("button", { type: "button", class: "secondary", id: `download-result-${i}`, "data-document-id": d.id },
        tx("downloadResult"), " ", d.typeName ?? d.type ?? "");
      button.addEventListener("click", async () => {
        try {
          const name = await download(`/api/v1/documents/${encodeURIComponent(d.id)}/content`, `ket-qua-${dossier.code}`);
          ctx.announce({ vi: `Đã tải về ${name}.`, en: `Downloaded ${name}.` });
        } catch (error) {
          ctx.announceError(error);
        }
      });
      return el("li", {}, button);
    })));
}

export async function showDossier(ctx) {
  const [id] = ctx.params;
  const view = document.getElementById("view");
  const dossierUrl = `/api/v1/dossiers/${encodeURIComponent(id)}`;
  const [dossier, history, units] = await Promise.all([getJson(dossierUrl), getJson(`${dossierUrl}/history`), unitNames()]);
  if (!ctx.alive()) return;
  const actions = dossier.availableActions ?? [];
  const [procedure, survey] = await Promise.all([
    procedureDetail(dossier.procedureCode).catch(() => ({ requiredDocuments: [] })),
    actions.includes("rate") || dossier.rating ? loadSurvey() : null,
  ]);
  const panels = await Promise.all([
    actions.includes("supplement") ? supplementPanel(ctx, dossier, history, procedure, reload) : null,
    dossier.resultDocumentIds.length ? resultPanel(ctx, dossier) : null,
    actions.includes("rate") ? ratingPanel(ctx, dossier, survey, reload) : dossier.rating ? ratedPanel(dossier, survey) : null,
  ]);
  if (!ctx.alive()) return;

  function reload(message, isError = false) {
    ctx.go(`/ho-so/${encodeURIComponent(dossier.id)}`, message && { ...message, isError });
  }

  const status = plainStatus(dossier.status);
  const next = nextStep(dossier.status, actions);
  const unit = units.get(dossier.unit) ?? { vi: dossier.unit, en: dossier.unit };
  put(view,
    el("p", { class: "breadcrumb" }, el("a", { href: "#/ho-so" }, tx("backToDossiers"))),
    el("h1", { tabindex: "-1" }, tx("dossierTitle"), " ", el("span", { id: "d-code" }, dossier.code)),
    el("dl", { class: "facts" },
      el("dt", {}, tx("procedure")), el("dd", { id: "d-procedure" }, dossier.procedureName),
      el("dt", {}, tx("unit")), el("dd", { id: "d-unit" }, bi(unit.vi, unit.en)),
      el("dt", {}, tx("status")), el("dd", { id: "d-status", "data-status": dossier.status }, bi(status.vi, status.en)),
      el("dt", {}, tx("submittedAt")), el("dd", { id: "d-submitted" }, when(dossier.submittedAt, "notYet")),
      el("dt", {}, tx("receivedAt")), el("dd", { id: "d-received" }, when(dossier.receivedAt, "notYetReceived")),
      el("dt", {}, tx("appointment")), el("dd", { id: "d-due" }, appointment(dossier),
        dossier.overdue ? el("span", { class: "badge", id: "d-overdue" }, tx("overdue")) : null),
      dossier.currentStep ? [el("dt", {}, tx("currentStep")), el("dd", { id: "d-step" }, dossier.currentStep.name)] : null),
    el("section", { id: "next-panel", class: `panel next-${next.key}`, "aria-labelledby": "next-title" },
      el("h2", { id: "next-title" }, tx("nextStep")),
      el("p", { id: "d-next" }, bi(next.vi, next.en))),
    panels,
    el("h2", { id: "timeline-title" }, tx("timeline")),
    timeline(history, dossier),
    el("p", {}, el("a", { href: `/tra-cuu?code=${encodeURIComponent(dossier.code)}`, id: "public-lookup-link" }, tx("publicLookup"))));
  ctx.title("dossierTitle");
}
