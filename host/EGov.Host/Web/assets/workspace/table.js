// The table of dossiers the queue and the search show, and moving through it with j / k.
import { el, statusName } from "/pages/shared/format.js";
import { dueCell, instant, person, riskCell, roleName, unitName } from "./common.js";
import { pick, t } from "./text.js";

/**
 * One table for work items (WorkItemDto) and search rows (DossierSummaryDto): the columns a summary lacks
 * (the step's name, the assignee) are left empty there. Each row's code is a link to the dossier page. When any
 * row carries a probability of ending late (the at-risk list), a risk column shows it with the main reason.
 */
export function renderDossierTable(container, items, labelId) {
  if (items.length === 0) {
    container.replaceChildren(el("p", { class: "empty", id: `${container.id}-empty` }, t("emptyList")));
    return;
  }

  const risk = items.some((item) => item.probability !== null && item.probability !== undefined);
  const columns = ["code", ...(risk ? ["risk"] : []), "procedure", "applicant", "status", "step", "assignee", "dueAt"];
  const head = el("tr", {}, ...columns.map((key) => el("th", { scope: "col" }, t(key))));
  const rows = items.map((item) => {
    const step = item.currentStep;
    const stepText = step ? [step.name, el("span", { class: "sub" }, `${unitName(step.unit)} · ${roleName(step.role)}`)]
      : item.currentStepUnit ? [unitName(item.currentStepUnit)] : ["—"];
    return el("tr", { "data-id": item.id, "data-code": item.code, tabindex: "-1" },
      el("td", {}, el("a", { href: `#/ho-so/${item.id}`, class: "row-link" }, item.code)),
      risk ? el("td", { "data-cell": "risk" }, ...riskCell(item.probability, item.riskReason)) : null,
      el("td", {}, item.procedureName),
      el("td", {}, item.applicantName ?? ""),
      el("td", {}, pick(statusName(item.status))),
      el("td", {}, ...stepText),
      el("td", { "data-cell": "assignee" }, step || item.assignee ? person(item.assignee) : "—"),
      el("td", { "data-cell": "due" }, ...dueCell(item.dueAt, item.overdue, item.dueSoon),
        item.stepDueAt ? el("span", { class: "sub" }, `${t("stepDueAt")}: `, instant(item.stepDueAt)) : null));
  });
  const table = el("table", { class: "work-table" },
    el("thead", {}, head),
    el("tbody", {}, ...rows));
  container.replaceChildren(el("div", { class: "table-wrap", role: "region", "aria-labelledby": labelId, tabindex: "0" }, table));
}

/** j / k: focus the next or previous row's link (the first when none has focus yet). Answers whether it moved. */
export function moveSelection(container, delta) {
  const links = [...container.querySelectorAll("a.row-link")];
  if (links.length === 0) return false;
  const at = links.indexOf(document.activeElement);
  const next = at < 0 ? (delta > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + delta));
  for (const row of container.querySelectorAll("tr.selected")) row.classList.remove("selected");
  links[next].closest("tr").classList.add("selected");
  links[next].focus();
  return true;
}
