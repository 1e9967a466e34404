// The three watch lists: overdue, due soon and at risk of being late. Which dossiers, by when they are due, who holds
// each of them now, how far an overdue one has gone up the escalation chain, and for the at-risk list how likely
// it is to end late and why (GET /api/v1/statistics/watch-list, docs/foresight.md).
import { el, formatInstant } from "/pages/shared/format.js";
import { currentLang, formatPercent, t } from "./i18n.js";
import { authFetch } from "./session.js";

export const KINDS = ["overdue", "due-soon", "at-risk"];

/** GET /api/v1/statistics/watch-list?kind= for the unit (all units for an admin without one). */
export async function fetchWatchList(kind, unit) {
  const query = new URLSearchParams({ kind });
  if (unit) query.set("unit", unit);
  const response = await authFetch(`/api/v1/statistics/watch-list?${query}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`the watch list (${kind}) answered ${response.status}`);
  return response.json();
}

const dash = "—";

/** "Cấp 2" / "Level 2" in words; no escalation yet is a dash. */
export function escalation(level) {
  return level ? t("escalationLevel", { n: level }) : dash;
}

/** The probability as a whole percentage in text ("85%"), not a bar alone. */
function probability(value) {
  return value === null || value === undefined ? dash : formatPercent(Math.round(value * 100) / 100);
}

function reason(pair) {
  if (!pair) return dash;
  return currentLang() === "en" ? pair.en || pair.vi : pair.vi || pair.en;
}

/** The columns each list shows after the code, in the order of its table head in index.html. */
const COLUMNS = {
  overdue: ["procedure", "appointment", "holdingUnit", "step", "role", "lastOfficer", "escalation"],
  "due-soon": ["procedure", "appointment", "holdingUnit", "step", "role", "lastOfficer"],
  "at-risk": ["probability", "riskReason", "procedure", "appointment", "holdingUnit", "step", "lastOfficer"],
};

const CELLS = {
  procedure: (entry) => entry.procedureName,
  appointment: (entry) => (entry.dueAt ? el("time", { datetime: entry.dueAt }, formatInstant(entry.dueAt)) : dash),
  holdingUnit: (entry, unitName) => unitName(entry.holdingUnit),
  step: (entry) => entry.holdingStep ?? dash,
  role: (entry) => (entry.holdingRole ? t(entry.holdingRole) : dash),
  lastOfficer: (entry) => entry.lastOfficer ?? dash,
  escalation: (entry) => el("span", { "data-escalation": entry.escalationLevel ?? 0 }, escalation(entry.escalationLevel)),
  probability: (entry) => el("span", { "data-probability": entry.probability ?? "" }, probability(entry.probability)),
  riskReason: (entry) => reason(entry.reason),
};

export function renderWatchList(tbody, kind, entries, unitNames) {
  const unitName = (code) => (unitNames.get(code) ? `${unitNames.get(code)} (${code})` : code);
  const columns = COLUMNS[kind];
  if (!entries.length) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: columns.length + 1 }, t(`none-${kind}`))));
    return;
  }

  tbody.replaceChildren(...entries.map((entry) => el("tr", { "data-code": entry.code },
    el("th", { scope: "row" }, el("a", { href: `/tra-cuu?code=${encodeURIComponent(entry.code)}` }, entry.code)),
    ...columns.map((key) => el("td", { "data-cell": key }, CELLS[key](entry, unitName))))));
}
