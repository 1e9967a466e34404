// "My dossiers" (#/ho-so): the citizen's own dossiers (GET /api/v1/dossiers as a citizen), each with its status in
// plain words, the appointment and the next thing to do.
import { put } from "./dom.js";
import { el, formatInstant } from "/pages/shared/format.js";
import { getJson } from "./api.js";
import { bi, tx } from "./i18n.js";
import { markFirstUsefulPaint } from "./paint.js";
import { nextStep, plainStatus } from "./status.js";

const PAGE_SIZE = 20;

export function appointment(dossier) {
  if (dossier.dueAt) return el("time", { datetime: dossier.dueAt }, formatInstant(dossier.dueAt));
  return tx(["Delivered", "Refused", "Rejected", "Withdrawn", "Stopped"].includes(dossier.status) ? "noAppointmentClosed" : "noAppointment");
}

function row(d) {
  const status = plainStatus(d.status);
  const next = nextStep(d.status);
  return el("li", { class: `card dossier-card next-${next.key}`, "data-id": d.id, "data-code": d.code },
    el("h2", { class: "card-title" }, el("a", { href: `#/ho-so/${encodeURIComponent(d.id)}` }, d.code)),
    el("p", { class: "card-code" }, d.procedureName),
    el("dl", { class: "card-facts" },
      el("dt", {}, tx("status")), el("dd", { class: "d-status" }, bi(status.vi, status.en)),
      el("dt", {}, tx("appointment")), el("dd", { class: "d-due" }, appointment(d),
        d.overdue ? el("span", { class: "badge" }, tx("overdue")) : null),
      el("dt", {}, tx("nextStep")), el("dd", { class: "d-next" }, bi(next.vi, next.en))));
}

export async function showDossiers(ctx) {
  const view = document.getElementById("view");
  const page = Math.max(1, Number.parseInt(ctx.query.get("trang") ?? "1", 10) || 1);
  view.append(el("h1", { tabindex: "-1" }, tx("myDossiersTitle")));
  ctx.title("myDossiersTitle");
  const result = await getJson(`/api/v1/dossiers?page=${page}&pageSize=${PAGE_SIZE}`);
  if (!ctx.alive()) return;
  if (result.items.length === 0) {
    put(view, el("p", { id: "no-dossiers" }, tx("noDossiers")), el("p", {}, el("a", { href: "#/", class: "button" }, tx("findProcedure"))));
    markFirstUsefulPaint();
    return;
  }
  const more = result.totalIsLowerBound || page * PAGE_SIZE < result.total;
  put(view,
    el("p", { class: "hint", id: "dossier-count" }, tx(result.totalIsLowerBound ? "dossierCountAtLeast" : "dossierCount", { count: result.total })),
    el("ul", { id: "dossier-list", class: "cards" }, result.items.map(row)),
    page > 1 || more
      ? el("nav", { class: "pager", "aria-labelledby": "pager-title" },
        el("h2", { id: "pager-title", class: "visually-hidden" }, tx("pages")),
        page > 1 ? el("a", { href: `#/ho-so?trang=${page - 1}`, class: "button secondary" }, tx("previousPage")) : null,
        el("span", {}, tx("pageN", { page })),
        more ? el("a", { href: `#/ho-so?trang=${page + 1}`, class: "button secondary" }, tx("nextPage")) : null)
      : null);
  markFirstUsefulPaint();
}
