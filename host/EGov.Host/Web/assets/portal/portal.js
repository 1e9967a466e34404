// The citizen portal /dich-vu-cong: hash routes, the header, the language switch and the announcer. Each view is its
// own module; this one only decides which runs and gives it the page's shared pieces.
import { el } from "/pages/shared/format.js";
import { applyLanguage, bi, currentLang, setLang, tx } from "./i18n.js";
import { currentCitizen, keepToken, signOut } from "./session.js";
import { TEXT } from "./texts.js";
import { showProcedures, showProcedure } from "./procedures.js";
import { showSubmit } from "./submit.js";
import { showDossiers } from "./dossiers.js";
import { showDossier } from "./dossier.js";
import { showSignIn, takeNextRoute } from "./sign-in.js";
import { keepRenewed, resumeSignIn, stopRenewing } from "/pages/shared/oidc-session.js";
import { ApiError, splitMessage } from "./api.js";

const $ = (id) => document.getElementById(id);

// [pattern, view, needs a signed-in citizen]
const ROUTES = [
  [/^\/?$/, showProcedures, false],
  [/^\/thu-tuc\/([^/]+)$/, showProcedure, false],
  [/^\/nop\/([^/]+)$/, showSubmit, true],
  [/^\/ho-so$/, showDossiers, true],
  [/^\/ho-so\/([^/]+)$/, showDossier, true],
  [/^\/dang-nhap$/, showSignIn, false],
];

let renderCount = 0;
let titleKey = "proceduresTitle";
let firstRoute = true;
// A message that outlives the next navigation ("Submitted", "Signed out"): said once the new view is up.
let carried = null;

/** Says something in the status region, in both languages (a {vi, en} pair, or a TEXT key). */
function announce(message, isError = false) {
  const box = $("announcer");
  box.className = isError ? "message error" : "message";
  if (!message) {
    box.replaceChildren();
  } else if (typeof message === "string") {
    box.replaceChildren(tx(message));
  } else {
    box.replaceChildren(bi(message.vi, message.en));
  }
}

/** An API refusal or a network failure, said to the citizen. */
function announceError(error) {
  if (error instanceof ApiError) {
    if (error.status === 401) {
      signOut();
      renderNav();
      announce("sessionEnded", true);
      return;
    }
    const detail = splitMessage(error.problem.detail || error.problem.title || "");
    announce(detail.vi ? detail : { vi: `Lỗi ${error.status}`, en: `Error ${error.status}` }, true);
    return;
  }
  announce("networkError", true);
}

function parseHash() {
  const raw = location.hash.startsWith("#/") ? location.hash.slice(1) : "/";
  const [path, query = ""] = raw.split("?");
  return { path: decodeURIComponent(path), query: new URLSearchParams(query) };
}

function renderNav() {
  const citizen = currentCitizen();
  $("nav-sign-in").parentElement.hidden = Boolean(citizen);
  $("nav-sign-out").hidden = !citizen;
  const who = $("nav-who");
  who.hidden = !citizen;
  if (citizen) {
    who.replaceChildren(tx("signedInAs"), ": ", el("strong", { id: "who-name" }, citizen.name ?? citizen.subject),
      " ", el("span", { class: "who-id" }, `(${citizen.citizenId})`));
  }
  const { path } = parseHash();
  for (const [id, active] of [["nav-procedures", path === "/" || path.startsWith("/thu-tuc")], ["nav-dossiers", path.startsWith("/ho-so")]]) {
    if (active) $(id).setAttribute("aria-current", "page");
    else $(id).removeAttribute("aria-current");
  }
}

async function route() {
  // Only "#/..." is a route: "#main" (the skip link) and other fragments leave the view as it is.
  if (location.hash && !location.hash.startsWith("#/")) return;
  const current = ++renderCount;
  const { path, query } = parseHash();
  const match = ROUTES.map(([pattern, view, signed]) => ({ m: pattern.exec(path), view, signed })).find((r) => r.m);
  const view = $("view");
  const ctx = {
    params: match ? match.m.slice(1).map(decodeURIComponent) : [],
    query,
    citizen: currentCitizen(),
    alive: () => current === renderCount,
    announce,
    announceError,
    go: (hash, message = null) => {
      carried = message;
      if (location.hash === `#${hash}`) route();
      else location.hash = hash;
    },
    title: (key) => { titleKey = key; applyLanguage(titleKey); },
  };
  if (carried) announce(carried, Boolean(carried.isError));
  else if (!firstRoute) announce(null);
  carried = null;
  renderNav();
  view.replaceChildren();
  if (!match) {
    view.append(el("h1", { tabindex: "-1" }, tx("notFoundTitle")), el("p", {}, el("a", { href: "#/" }, tx("backToProcedures"))));
    ctx.title("notFoundTitle");
  } else if (match.signed && !ctx.citizen) {
    await showSignIn({ ...ctx, query: new URLSearchParams({ tiep: path }) });
  } else {
    try {
      await match.view(ctx);
    } catch (error) {
      if (ctx.alive()) announceError(error);
    }
  }
  if (!ctx.alive()) return;
  applyLanguage(titleKey);
  // A screen reader hears the new view's heading; on the first load the page starts at its top as usual.
  if (!firstRoute) view.querySelector("h1")?.focus();
  firstRoute = false;
}

$("lang-toggle").addEventListener("click", () => {
  setLang(currentLang() === "vi" ? "en" : "vi");
  applyLanguage(titleKey);
});

$("nav-sign-out").addEventListener("click", () => {
  stopRenewing();
  signOut();
  carried = "signedOut";
  if (location.hash === "#/" || !location.hash) route();
  else location.hash = "#/";
});

// The skip link moves focus without touching the hash, which holds the route.
$("skip-link").addEventListener("click", (event) => {
  event.preventDefault();
  $("main").focus();
});

// What oidc-session.js needs of the citizen's session.
const citizenSession = { keepToken, signOut, currentClaims: currentCitizen };

/** A message for the next view that is an error ("sign in again"), in both languages. */
function carryError(key) {
  carried = { ...TEXT[key], isError: true };
}

/** Back from the provider, the code becomes the citizen's token (or the page says why not); then the view. */
async function start() {
  const returning = new URLSearchParams(location.search).has("code");
  const refused = await resumeSignIn(citizenSession);
  if (refused) {
    carryError(refused);
  } else if (returning && currentCitizen()) {
    // On to where the citizen was going when they left for the provider.
    history.replaceState(history.state, "", `${location.pathname}#${takeNextRoute()}`);
  } else if (returning) {
    signOut();
    carryError("notCitizen");
  }
  keepRenewed(citizenSession, () => {
    carryError("sessionEnded");
    route();
  });
  window.addEventListener("hashchange", route);
  applyLanguage(titleKey);
  route();
}

start();
