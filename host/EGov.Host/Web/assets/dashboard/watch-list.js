// The overdue table: which dossiers, by when they were due, and who holds each of them now.
import { el, formatInstant } from "/pages/shared/format.js";
import { t } from "./i18n.js";
import { authFetch } from "./session.js";

/** GET /api/v1/statistics/watch-list?kind=overdue for the unit (all units for an admin without one). */
export async function fetchOverdue(unit) {
  const query = new URLSearchParams({ kind: "overdue" });
  if (unit) query.set("unit", unit);
  const response = await authFetch(`/api/v1/statistics/watch-list?${query}`, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`the watch list answered ${response.status}`);
  return response.json();
}

export function renderOverdue(tbody, entries, unitNames) {
  const dash = "—";
  const unitName = (code) => (unitNames.get(code) ? `${unitNames.get(code)} (${code})` : code);
  if (!entries.length) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: 7 }, t("noOverdue"))));
    return;
  }

  tbody.replaceChildren(...entries.map((entry) => el("tr", { "data-code": entry.code },
    el("th", { scope: "row" }, el("a", { href: `/tra-cuu?code=${encodeURIComponent(entry.code)}` }, entry.code)),
    el("td", {}, entry.procedureName),
    el("td", {}, entry.dueAt ? el("time", { datetime: entry.dueAt }, formatInstant(entry.dueAt)) : dash),
    el("td", {}, unitName(entry.holdingUnit)),
    el("td", {}, entry.holdingStep ?? dash),
    el("td", {}, entry.holdingRole ? t(entry.holdingRole) : dash),
    el("td", {}, entry.lastOfficer ?? dash))));
}
