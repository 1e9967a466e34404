// Per-unit tiles: received, in progress within the deadline, overdue, due soon, the on-time rate.
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

function unitTiles(unit, index) {
  const received = unit.received;
  const resolvedTotal = unit.resolved.early + unit.resolved.onTime + unit.resolved.late;
  const receivedTotal = received.online + received.direct + received.carriedOver;
  const headingId = `unit-${index}`;
  const value = (name, v) => el("span", { class: "tile-value" }, figure(name, v));
  return el("article", { class: "unit", "data-unit": unit.unit, "aria-labelledby": headingId },
    el("h3", { id: headingId }, unit.unitName, " ", el("span", { class: "en" }, `(${unit.unit})`)),
    el("dl", { class: "tiles" },
      tile(t("received"), value("received-total", receivedTotal), [
        `${t("online")} `, figure("received-online", received.online), " · ",
        `${t("direct")} `, figure("received-direct", received.direct), " · ",
        `${t("carriedOver")} `, figure("received-carried-over", received.carriedOver),
      ]),
      tile(t("withinDeadline"), value("within-deadline", unit.inProgress.withinDeadline)),
      tile(t("overdue"), value("overdue", unit.inProgress.overdue), null, "tile-alert"),
      tile(t("dueSoon"), value("due-soon", unit.dueSoon), null, "tile-warn"),
      tile(t("onTimeRate"),
        el("span", { class: "tile-value" }, figure("on-time-rate", unit.onTimeRate, formatPercent(unit.onTimeRate))),
        [figure("resolved-total", resolvedTotal), ` ${t("resolvedOf")}`])));
}

export function renderTiles(container, report) {
  container.replaceChildren(...(report.units.length
    ? report.units.map(unitTiles)
    : [el("p", {}, t("noUnits"))]));
}
