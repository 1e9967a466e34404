// Per-unit tiles: received, in progress within the deadline, overdue, due soon, the on-time rate; for a
// province-wide view (an administrator without a unit) the province's total comes first, the same tiles summed.
import { el } from "/pages/shared/format.js";
import { formatNumber, formatPercent, t } from "./i18n.js";

function figure(name, value, text = formatNumber(value)) {
  return el("span", { "data-figure": name, "data-value": value ?? "" }, text);
}

function tile(label, value, detail = null, kind = "") {
  return el("div", { class: `tile ${kind}`.trim() },
    el("dt", {}, label),
    el("dd", {}, value, detail ? el("span", { class: "tile-detail" }, detail) : null));
}

/** The tiles of one set of figures (a unit's, or the report's total) and its due-soon count. */
function tiles(figures, dueSoon) {
  const received = figures.received;
  const resolvedTotal = figures.resolved.early + figures.resolved.onTime + figures.resolved.late;
  const receivedTotal = received.online + received.direct + received.carriedOver;
  const value = (name, v) => el("span", { class: "tile-value" }, figure(name, v));
  return el("dl", { class: "tiles" },
    tile(t("received"), value("received-total", receivedTotal), [
      `${t("online")} `, figure("received-online", received.online), " · ",
      `${t("direct")} `, figure("received-direct", received.direct), " · ",
      `${t("carriedOver")} `, figure("received-carried-over", received.carriedOver),
    ]),
    tile(t("withinDeadline"), value("within-deadline", figures.inProgress.withinDeadline)),
    tile(t("overdue"), value("overdue", figures.inProgress.overdue), null, "tile-alert"),
    tile(t("dueSoon"), value("due-soon", dueSoon), null, "tile-warn"),
    tile(t("onTimeRate"),
      el("span", { class: "tile-value" }, figure("on-time-rate", figures.onTimeRate, formatPercent(figures.onTimeRate))),
      [figure("resolved-total", resolvedTotal), ` ${t("resolvedOf")}`]));
}

function unitTiles(unit, index) {
  const headingId = `unit-${index}`;
  return el("article", { class: "unit", "data-unit": unit.unit, "aria-labelledby": headingId },
    el("h3", { id: headingId }, unit.unitName, " ", el("span", { class: "en" }, `(${unit.unit})`)),
    tiles(unit, unit.dueSoon));
}

/** The province's line: the report's total (due soon is not part of it, so the units' counts are added up). */
function provinceTiles(report) {
  const dueSoon = report.units.reduce((sum, unit) => sum + unit.dueSoon, 0);
  return el("article", { class: "unit unit-total", "data-scope": "province", "aria-labelledby": "unit-total" },
    el("h3", { id: "unit-total" }, t("provinceTotal")),
    tiles(report.total, dueSoon));
}

/** options.province: the view is province-wide (no unit chosen), so the total leads. */
export function renderTiles(container, report, options = {}) {
  if (!report.units.length) {
    container.replaceChildren(el("p", {}, t("noUnits")));
    return;
  }
  container.replaceChildren(...(options.province ? [provinceTiles(report)] : []), ...report.units.map(unitTiles));
}
