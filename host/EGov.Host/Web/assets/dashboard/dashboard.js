// The leader dashboard: sign-in, the period, live figures, the trend, the overdue, due-soon and at-risk lists and the
// downloads.
import { el, formatDay, formatInstant, parseDay } from "/pages/shared/format.js";
import { beginSignIn, canRefresh, completeSignIn, forgetSignIn, oidcAvailable, refreshSession } from "/pages/shared/oidc.js";
import { renderTrend } from "./chart.js";
import { downloadReport } from "./export.js";
import { applyLanguage, currentLang, setLang, t } from "./i18n.js";
import { follow } from "./live.js";
import { currentClaims, keepToken, mintDevToken, readClaims, signOut } from "./session.js";
import { renderTiles } from "./tiles.js";
import { KINDS, fetchWatchList, renderWatchList } from "./watch-list.js";

const $ = (id) => document.getElementById(id);

function emptyLists() {
  return Object.fromEntries(KINDS.map((kind) => [kind, []]));
}

function renderLists() {
  for (const kind of KINDS) renderWatchList($(`${kind}-rows`), kind, state.lists[kind], state.unitNames);
}

const state = {
  report: null,
  lists: emptyLists(),
  unitNames: new Map(),
  period: null, // null: the server's default (this month so far, in the deployment's zone and by its clock)
  mode: null,
  updatedAt: null, // the report's generatedAt, as the API writes it: in the deployment's zone, with its offset
  stop: null,
  refreshTimer: null,
  watchListRequest: 0,
  announced: { key: null, isError: false },
};

function announce(key, isError = false) {
  state.announced = { key, isError };
  const box = $("announcer");
  box.className = isError ? "message error" : "message";
  box.textContent = key ? t(key) : "";
}

async function loadUnits() {
  try {
    const response = await fetch("/api/v1/units", { headers: { accept: "application/json" } });
    const units = response.ok ? await response.json() : [];
    state.unitNames = new Map(units.map((u) => [u.code, u.name]));
  } catch {
    state.unitNames = new Map();
  }
  const select = $("si-unit");
  const chosen = select.value;
  select.replaceChildren(
    el("option", { value: "" }, t("allUnits")),
    ...[...state.unitNames].map(([code, name]) => el("option", { value: code }, `${name} (${code})`)));
  select.value = chosen || (state.unitNames.size ? [...state.unitNames.keys()][0] : "");
}

function query() {
  const params = new URLSearchParams();
  const claims = currentClaims();
  if (claims?.unit) params.set("unit", claims.unit);
  if (state.period) {
    params.set("from", state.period.from);
    params.set("to", state.period.to);
  }
  return params.toString();
}

function renderWho() {
  const claims = currentClaims();
  if (!claims) return;
  const roles = claims.roles.map((r) => t(r)).join(", ");
  const unit = claims.unit ? ` · ${state.unitNames.get(claims.unit) ?? claims.unit} (${claims.unit})` : "";
  $("who").textContent = `${t("signedInAs")}: ${claims.subject} · ${roles}${unit}`;
}

function renderUpdated() {
  // The server's time of the report, not the browser's clock: a browser in another zone shows the office's time.
  $("last-updated").textContent = state.updatedAt ? formatInstant(state.updatedAt, true) : t("never");
  if (state.updatedAt) $("last-updated").setAttribute("datetime", state.updatedAt);
  $("live-mode").textContent = state.mode ? `(${t(state.mode)})` : "";
}

function renderAll() {
  renderWho();
  renderUpdated();
  if (!state.report) return;
  renderTiles($("units"), state.report, { province: !currentClaims()?.unit });
  renderTrend($("trend"), state.report);
  renderLists();
}

async function refreshLists() {
  // Updates can overtake each other: only the newest request's answer is shown.
  const request = ++state.watchListRequest;
  try {
    const unit = currentClaims()?.unit;
    // Each list on its own: one that fails keeps what it showed, and the others are still brought up to date.
    const answers = await Promise.allSettled(KINDS.map((kind) => fetchWatchList(kind, unit)));
    if (request !== state.watchListRequest) return;
    answers.forEach((answer, i) => {
      if (answer.status === "fulfilled") state.lists[KINDS[i]] = answer.value;
    });
    renderLists();
    if (answers.some((answer) => answer.status === "rejected")) announce("failed", true);
  } catch {
    if (request === state.watchListRequest) announce("failed", true);
  }
}

function onReport(report) {
  state.report = report;
  state.updatedAt = report.generatedAt;
  // The inputs show the period the server actually reported (its default, or what was asked), except one being typed in.
  for (const id of ["from", "to"]) {
    if (document.activeElement !== $(id)) $(id).value = formatDay(report.period[id]);
  }
  if ($("announcer").classList.contains("error")) announce(null);
  renderAll();
  refreshLists();
}

async function onRefused(response) {
  if (response.status === 401) {
    // A provider token that ran out while the tab slept: one refresh, then "sign in again" if that fails too.
    const provider = canRefresh();
    if (provider && (await renewToken())) followFigures();
    else endSession(provider ? "sessionEnded" : "signedOut");
  } else {
    announce(response.status === 403 ? "forbidden" : "badPeriod", true);
  }
}

function followFigures() {
  state.stop?.();
  state.stop = follow(query(), {
    report: onReport,
    mode: (mode) => {
      state.mode = mode;
      renderUpdated();
    },
    refused: onRefused,
    failed: () => announce("failed", true),
  });
}

/** A new provider token into the session, or false when the provider session has ended. */
async function renewToken() {
  const token = await refreshSession();
  if (!token) return false;
  keepToken(token);
  scheduleRefresh();
  return true;
}

/** With a provider session, the token is renewed a minute before it expires; without one it simply runs out. */
function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = null;
  const expiresAt = currentClaims()?.expiresAt;
  if (!canRefresh() || !expiresAt) return;
  state.refreshTimer = setTimeout(async () => {
    if (!(await renewToken())) endSession("sessionEnded");
  }, Math.max(expiresAt - 60_000 - Date.now(), 5_000));
}

function showBoard() {
  $("sign-in").hidden = true;
  $("board").hidden = false;
  renderAll();
  followFigures();
  scheduleRefresh();
}

async function showSignIn() {
  $("board").hidden = true;
  $("sign-in").hidden = false;
  const dev = document.querySelector('meta[name="egov-sign-in"]')?.content === "dev";
  $("dev-sign-in").hidden = !dev;
  $("token-sign-in").hidden = dev;
  // With a provider, tokens minted here are not valid (the host checks the provider's keys): its button replaces the
  // development form, and pasting a token stays possible.
  if (await oidcAvailable()) {
    $("oidc-sign-in").hidden = false;
    $("dev-sign-in").hidden = true;
    $("token-sign-in").hidden = false;
  }
}

function endSession(messageKey) {
  state.stop?.();
  state.stop = null;
  clearTimeout(state.refreshTimer);
  state.refreshTimer = null;
  forgetSignIn();
  state.report = null;
  state.lists = emptyLists();
  state.updatedAt = null;
  state.mode = null;
  signOut();
  showSignIn();
  announce(messageKey, messageKey === "signedOut" || messageKey === "sessionEnded");
}

$("dev-sign-in").addEventListener("submit", async (event) => {
  event.preventDefault();
  const unit = $("si-unit").value;
  const role = $("si-role").value;
  if (role === "leader" && !unit) {
    announce("unitRequired", true);
    return;
  }
  try {
    await mintDevToken($("si-user").value.trim() || "lanh-dao", role, unit);
  } catch {
    announce("signInFailed", true);
    return;
  }
  announce(null);
  showBoard();
});

$("token-sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  const token = $("si-token").value.trim();
  if (!readClaims(token)) {
    announce("signedOut", true);
    return;
  }
  keepToken(token);
  $("si-token").value = "";
  announce(null);
  showBoard();
});

$("oidc-button").addEventListener("click", async () => {
  try {
    await beginSignIn("/dashboard");
  } catch {
    announce("providerUnavailable", true);
  }
});

$("sign-out").addEventListener("click", () => endSession(null));

$("period").addEventListener("submit", (event) => {
  event.preventDefault();
  const from = parseDay($("from").value);
  const to = parseDay($("to").value);
  const invalid = { from: !from, to: !to || (from !== null && from > to) };
  for (const [id, bad] of Object.entries(invalid)) {
    if (bad) $(id).setAttribute("aria-invalid", "true");
    else $(id).removeAttribute("aria-invalid");
  }
  if (invalid.from || invalid.to) {
    announce(!from || !to ? "badDate" : "badPeriod", true);
    $(invalid.from ? "from" : "to").focus();
    return;
  }
  state.period = { from, to };
  announce(null);
  followFigures();
});

for (const format of ["csv", "xlsx"]) {
  $(`export-${format}`).addEventListener("click", async () => {
    try {
      await downloadReport(format, query());
    } catch {
      announce("exportFailed", true);
    }
  });
}

$("lang-toggle").addEventListener("click", () => {
  setLang(currentLang() === "vi" ? "en" : "vi");
  applyLanguage();
  const chosen = $("si-unit").value;
  $("si-unit").options[0].textContent = t("allUnits");
  $("si-unit").value = chosen;
  announce(state.announced.key, state.announced.isError);
  renderAll();
});

const SIGN_IN_MESSAGES = {
  "sign-in-denied": "signInDenied",
  "sign-in-provider-error": "signInDenied",
  "identity-provider-unavailable": "providerUnavailable",
};

/** Back from the provider: the code becomes the session's token; otherwise a token that ran out is renewed if it can be. */
async function start() {
  try {
    const token = await completeSignIn();
    if (token) keepToken(token);
  } catch (error) {
    signOut();
    forgetSignIn();
    await showSignIn();
    announce(SIGN_IN_MESSAGES[error?.code] ?? "signInRefused", true);
    return;
  }
  if (!currentClaims() && canRefresh() && !(await renewToken())) forgetSignIn();
  if (currentClaims()) showBoard();
  else showSignIn();
}

applyLanguage();
start();
// Unit names only label things: the page does not wait for them.
loadUnits().then(renderAll);
