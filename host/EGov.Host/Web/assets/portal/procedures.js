// Browse and search procedures (#/), and one procedure's page (#/thu-tuc/CODE): time, fee, documents, legal basis,
// online level, and the way to submit online.
import { put } from "./dom.js";
import { el } from "/pages/shared/format.js";
import { bi, duration, money, tx } from "./i18n.js";
import { allProcedures, fold, procedureDetail, unitNames } from "./catalog.js";
import { markFirstUsefulPaint } from "./paint.js";

export const ONLINE_LEVEL = {
  Full: { vi: "Trực tuyến toàn trình", en: "Fully online" },
  Partial: { vi: "Trực tuyến một phần", en: "Partly online" },
};

function onlineLevel(level) {
  return ONLINE_LEVEL[level] ?? { vi: level, en: level };
}

function fact(labelKey, value, id) {
  return [el("dt", {}, tx(labelKey)), el("dd", id ? { id } : {}, value)];
}

function pair(p) {
  return bi(p.vi, p.en);
}

function card(procedure, units) {
  const unit = units.get(procedure.unit) ?? { vi: procedure.unit, en: procedure.unit };
  return el("li", { class: "card procedure-card", "data-code": procedure.code },
    el("h2", { class: "card-title" }, el("a", { href: `#/thu-tuc/${encodeURIComponent(procedure.code)}` }, procedure.name)),
    el("p", { class: "card-code" }, procedure.code),
    el("dl", { class: "card-facts" },
      fact("unit", pair(unit)),
      fact("processingTime", pair(duration(procedure.processingTime, procedure.sameDay))),
      fact("fee", pair(money(procedure.fee))),
      fact("onlineLevel", pair(onlineLevel(procedure.onlineLevel)))));
}

export async function showProcedures(ctx) {
  const view = document.getElementById("view");
  const search = el("input", { id: "procedure-search", type: "search", autocomplete: "off", maxlength: "100", "aria-describedby": "procedure-search-hint" });
  const unitFilter = el("select", { id: "procedure-unit" });
  const count = el("p", { id: "procedure-count", class: "hint", "aria-live": "polite" });
  const list = el("ul", { id: "procedure-list", class: "cards" });
  put(view,
    el("h1", { tabindex: "-1" }, tx("proceduresTitle")),
    el("p", {}, tx("proceduresIntro")),
    el("form", { id: "procedure-filter", class: "filters", role: "search" },
      el("div", {},
        el("label", { for: "procedure-search" }, tx("searchProcedures")),
        el("p", { id: "procedure-search-hint", class: "hint" }, tx("searchHint")),
        search),
      el("div", {},
        el("label", { for: "procedure-unit" }, tx("unit")),
        unitFilter)),
    count,
    list);
  ctx.title("proceduresTitle");

  const [procedures, units] = await Promise.all([allProcedures(), unitNames()]);
  if (!ctx.alive()) return;
  // An option holds text only: the option itself carries both languages.
  unitFilter.append(tx("allUnits", {}, "option", { value: "" }), ...[...new Set(procedures.map((p) => p.unit))].map((code) => {
    const name = units.get(code) ?? { vi: code, en: code };
    return bi(name.vi, name.en, "option", { value: code });
  }));

  const cards = procedures.map((p) => ({ p, text: fold(`${p.name} ${p.code}`), node: card(p, units) }));
  list.append(...cards.map((c) => c.node));
  const filter = () => {
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const c of cards) {
      const visible = (!unitFilter.value || c.p.unit === unitFilter.value) && words.every((w) => c.text.includes(w));
      c.node.hidden = !visible;
      if (visible) shown++;
    }
    count.replaceChildren(tx("procedureCount", { count: shown, total: cards.length }));
  };
  search.addEventListener("input", filter);
  unitFilter.addEventListener("change", filter);
  document.getElementById("procedure-filter").addEventListener("submit", (event) => event.preventDefault());
  filter();
  markFirstUsefulPaint();
}

export async function showProcedure(ctx) {
  const [code] = ctx.params;
  const view = document.getElementById("view");
  const [procedure, units] = await Promise.all([procedureDetail(code), unitNames()]);
  if (!ctx.alive()) return;
  const unit = units.get(procedure.unit) ?? { vi: procedure.unit, en: procedure.unit };
  const submit = el("a", { href: `#/nop/${encodeURIComponent(procedure.code)}`, class: "button", id: "start-submit" }, tx("submitOnline"));
  put(view,
    el("p", { class: "breadcrumb" }, el("a", { href: "#/" }, tx("backToProcedures"))),
    el("h1", { tabindex: "-1", id: "procedure-name" }, procedure.name),
    el("dl", { class: "facts" },
      fact("procedureCode", procedure.code, "p-code"),
      fact("unit", pair(unit), "p-unit"),
      fact("processingTime", pair(duration(procedure.processingTime, procedure.sameDay)), "p-time"),
      fact("fee", pair(money(procedure.fee)), "p-fee"),
      fact("onlineLevel", pair(onlineLevel(procedure.onlineLevel)), "p-online"),
      fact("legalBasis", procedure.legalBasis, "p-legal")),
    procedure.unverified
      ? el("p", { class: "message", id: "p-unverified" }, tx("unverified"), " ", el("span", { lang: "vi" }, procedure.unverified))
      : null,
    el("h2", {}, tx("requiredDocuments")),
    el("ul", { id: "p-documents", class: "documents" }, procedure.requiredDocuments.map((d) =>
      el("li", {}, d.name, " ", el("span", { class: d.mandatory ? "tag" : "tag tag-optional" }, tx(d.mandatory ? "mandatory" : "optional"))))),
    procedure.steps?.length
      ? [el("h2", {}, tx("steps")), el("ol", { id: "p-steps" }, procedure.steps.map((s) =>
        el("li", {}, s.name, " ", el("span", { class: "hint" }, "(", pair(units.get(s.unit) ?? { vi: s.unit, en: s.unit }), ", ", pair(duration(s.timeAllowance)), ")"))))]
      : null,
    el("p", { class: "actions" }, submit));
  ctx.title("procedureTitle");
}
