// My queue: the six work lists of the contract (GET /api/v1/work?list=), their counts (GET /api/v1/work/counts,
// refreshed every 20 s and after each action) and paging. Sorted by the server: due instant first, then code; the
// at-risk list by the probability of ending late, highest first (docs/foresight.md).
import { el } from "/pages/shared/format.js";
import { ApiError } from "/pages/shared/api.js";
import { announce, api } from "./common.js";
import { renderDossierTable } from "./table.js";
import { i18n, t } from "./text.js";

export const LISTS = [
  { name: "mine", count: "mine" },
  { name: "unit-unassigned", count: "unitUnassigned" },
  { name: "due-soon", count: "dueSoon" },
  { name: "overdue", count: "overdue" },
  { name: "awaiting-supplement", count: "awaitingSupplement" },
  { name: "at-risk", count: "atRisk" },
];

export const COUNTS_MILLISECONDS = 20_000;
const PAGE_SIZE = 25;
// When the counts were read, on the office's clock (the browser may be set to another zone).
const WALL_CLOCK = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

let counts = null;
let countsAt = null;
let timer = null;
let firstPaint = false;

function renderTabs(active) {
  const tabs = document.getElementById("list-tabs");
  tabs.replaceChildren(...LISTS.map((list, index) => {
    const count = counts ? counts[list.count] : null;
    return el("a", {
      href: `#/hang-viec/${list.name}`,
      class: list.name === active ? "list-tab active" : "list-tab",
      "aria-current": list.name === active ? "page" : null,
      "data-list": list.name,
      "aria-keyshortcuts": String(index + 1),
    }, t(`list-${list.name}`), " ", el("span", { class: "count", "data-count": list.name }, count === null || count === undefined ? "…" : i18n.formatNumber(count)));
  }));
  document.getElementById("counts-updated").textContent = countsAt ? t("countsUpdated", { time: WALL_CLOCK.format(countsAt) }) : "";
}

/** Reads the counts again (and redraws the tabs when the queue is on screen). */
export async function refreshCounts() {
  try {
    counts = (await api("/api/v1/work/counts")).data;
    countsAt = new Date();
  } catch {
    // The counts are a convenience: a failed refresh keeps the last ones and tries again on the next tick.
  }
  const view = document.getElementById("view-queue");
  if (!view.hidden) renderTabs(view.dataset.list);
}

export function startCounts() {
  stopCounts();
  refreshCounts();
  timer = setInterval(refreshCounts, COUNTS_MILLISECONDS);
}

export function stopCounts() {
  clearInterval(timer);
  timer = null;
}

/** Shows one list's page; the first time rows (or the empty state) are on screen marks the first useful paint. */
export async function showQueue(list = "mine", page = 1) {
  const view = document.getElementById("view-queue");
  const known = LISTS.some((l) => l.name === list) ? list : "mine";
  view.dataset.list = known;
  renderTabs(known);
  const container = document.getElementById("queue-table");
  if (!container.firstChild) container.replaceChildren(el("p", { class: "hint" }, t("loading")));
  try {
    const { data } = await api(`/api/v1/work?list=${encodeURIComponent(known)}&page=${page}&pageSize=${PAGE_SIZE}`);
    if (view.dataset.list !== known) return; // another list was chosen meanwhile
    renderDossierTable(container, data.items, "queue-title");
    container.append(pager(known, data));
  } catch (error) {
    container.replaceChildren(el("p", { class: "message error" }, error instanceof ApiError ? i18n.pick(error.text) : t("failed")));
  }
  if (!firstPaint) {
    firstPaint = true;
    performance.mark("egov:first-useful-paint");
  }
}

function pager(list, data) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const nav = el("p", { class: "pager" }, t("pageOf", { page: data.page, pages: data.totalIsLowerBound ? `${pages}+` : pages, total: data.totalIsLowerBound ? `${data.total}+` : data.total }));
  if (data.page > 1) nav.append(" ", el("a", { href: `#/hang-viec/${list}/${data.page - 1}` }, t("previous")));
  if (data.page < pages || data.totalIsLowerBound) nav.append(" ", el("a", { href: `#/hang-viec/${list}/${data.page + 1}` }, t("next")));
  return nav;
}

/** The list a digit 1–6 names. */
export function listAt(index) {
  return LISTS[index]?.name ?? null;
}

export { announce };
