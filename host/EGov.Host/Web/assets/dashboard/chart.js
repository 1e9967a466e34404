// The daily trend as inline SVG drawn here (no chart library, nothing to build): received against resolved per
// day, summed over the units shown, with a title, a description and the same figures as a table.
import { el, formatDay } from "/pages/shared/format.js";
import { formatNumber, t } from "./i18n.js";

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 40 };

/** One point per day: the units' daily figures added up. */
export function dailyTotals(report) {
  const byDay = new Map();
  for (const unit of report.units) {
    for (const point of unit.daily) {
      const sum = byDay.get(point.day) ?? { day: point.day, received: 0, resolved: 0 };
      sum.received += point.received;
      sum.resolved += point.resolved;
      byDay.set(point.day, sum);
    }
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

function niceStep(max) {
  const raw = Math.max(1, max) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
}

function svg(days, titleText, descText) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = Math.max(1, Math.ceil(niceStep(Math.max(...days.map((d) => Math.max(d.received, d.resolved)), 0))));
  const top = step * 4;
  const y = (v) => MARGIN.top + plotHeight - (v / top) * plotHeight;
  const band = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(1, band * 0.38);
  const labelEvery = Math.ceil(days.length / 8);

  const parts = [el("svg:title", { id: "trend-svg-title" }, titleText), el("svg:desc", { id: "trend-svg-desc" }, descText)];
  for (let v = 0; v <= top; v += step) {
    parts.push(el("svg:line", { class: v === 0 ? "axis" : "grid", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(v), y2: y(v) }));
    parts.push(el("svg:text", { x: MARGIN.left - 6, y: y(v) + 4, "text-anchor": "end" }, formatNumber(v)));
  }
  days.forEach((d, i) => {
    const x = MARGIN.left + i * band + band * 0.1;
    parts.push(el("svg:rect", { class: "bar-received", x, width: barWidth, y: y(d.received), height: y(0) - y(d.received) }));
    parts.push(el("svg:rect", { class: "bar-resolved", x: x + barWidth, width: barWidth, y: y(d.resolved), height: y(0) - y(d.resolved) }));
    if (i % labelEvery === 0) {
      parts.push(el("svg:text", { x: x + barWidth, y: HEIGHT - 8, "text-anchor": "middle" }, formatDay(d.day).slice(0, 5)));
    }
  });
  return el("svg:svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-labelledby": "trend-svg-title trend-svg-desc" }, parts);
}

function table(days) {
  return el("table", {},
    el("caption", {}, t("trendTable")),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col" }, t("day")),
      el("th", { scope: "col", class: "num" }, t("trendReceived")),
      el("th", { scope: "col", class: "num" }, t("trendResolved")))),
    el("tbody", {}, days.map((d) => el("tr", {},
      el("th", { scope: "row" }, formatDay(d.day)),
      el("td", { class: "num" }, formatNumber(d.received)),
      el("td", { class: "num" }, formatNumber(d.resolved))))));
}

export function renderTrend(figure, report) {
  const days = dailyTotals(report);
  if (!days.length) {
    figure.replaceChildren(el("p", {}, t("noDays")));
    return;
  }

  const peak = days.reduce((best, d) => (d.received > best.received ? d : best), days[0]);
  const summary = t("trendSummary", {
    from: formatDay(report.period.from),
    to: formatDay(report.period.to),
    received: formatNumber(days.reduce((s, d) => s + d.received, 0)),
    resolved: formatNumber(days.reduce((s, d) => s + d.resolved, 0)),
    peakDay: formatDay(peak.day),
    peak: formatNumber(peak.received),
  });
  const wasOpen = figure.querySelector("details")?.open ?? false;
  figure.replaceChildren(
    svg(days, t("trend"), summary),
    el("ul", { class: "legend" },
      el("li", {}, el("span", { class: "swatch swatch-received", "aria-hidden": "true" }), t("trendReceived")),
      el("li", {}, el("span", { class: "swatch swatch-resolved", "aria-hidden": "true" }), t("trendResolved"))),
    el("figcaption", {}, summary),
    el("details", { open: wasOpen }, el("summary", {}, t("trendTable")), el("div", { class: "table-wrap" }, table(days))));
}
