// The officer workspace /lam-viec: sign-in, hash routing between its views, the search box and the keyboard shortcuts.
// Everything lives in this tab (token in sessionStorage, view in the URL's hash): any node serves any request.
import { ApiError } from "/pages/shared/api.js";
import { el } from "/pages/shared/format.js";
import { beginSignIn, oidcAvailable } from "/pages/shared/oidc.js";
import { keepRenewed, resumeSignIn, stopRenewing } from "/pages/shared/oidc-session.js";
import { signInMode } from "/pages/shared/session.js";
import { announce, api, clearAnnouncement, loadUnits, roleName, session, unitName } from "./common.js";
import { rerenderDossier, showDossier } from "./dossier.js";
import { showPrint } from "./forms.js";
import { rerenderIntake, showIntake } from "./intake.js";
import { listAt, showQueue, startCounts, stopCounts } from "./queue.js";
import { moveSelection, renderDossierTable } from "./table.js";
import { i18n, t } from "./text.js";

const OFFICER_ROLES = ["desk-officer", "specialist", "leader", "admin"];
const VIEWS = ["view-queue", "view-search", "view-dossier", "view-intake", "view-print"];

function show(viewId) {
  for (const id of VIEWS) document.getElementById(id).hidden = id !== viewId;
  document.getElementById("nav-queue").setAttribute("aria-current", viewId === "view-queue" ? "page" : "false");
  document.getElementById("nav-intake").setAttribute("aria-current", viewId === "view-intake" ? "page" : "false");
}

/** The demo officers of a unit, as the seeder names them (DemoSeeder: demo-desk-<unit> and its peers). */
function demoOfficers(unit) {
  return [
    { subject: `demo-desk-${unit}`, role: "desk-officer", name: { vi: "Nguyễn Thị Mai", en: "Nguyen Thi Mai" } },
    { subject: `demo-specialist-${unit}`, role: "specialist", name: { vi: "Trần Văn Hùng", en: "Tran Van Hung" } },
    { subject: `demo-leader-${unit}`, role: "leader", name: { vi: "Lê Thị Hoa", en: "Le Thi Hoa" } },
  ];
}

function fillDemo() {
  const unit = document.getElementById("si-unit").value;
  const slot = document.getElementById("si-demo");
  slot.replaceChildren(...demoOfficers(unit).map((officer) => {
    const button = el("button", { type: "button", class: "secondary", "data-demo": officer.role }, `${roleName(officer.role)}: ${officer.name.vi}`);
    button.addEventListener("click", () => {
      document.getElementById("si-role").value = officer.role;
      document.getElementById("si-user").value = officer.subject;
      document.getElementById("si-name").value = officer.name.vi;
      document.getElementById("si-user").focus();
    });
    return button;
  }));
}

async function showSignIn() {
  stopCounts();
  document.getElementById("sign-in").hidden = false;
  document.getElementById("nav").hidden = true;
  document.getElementById("sign-out").hidden = true;
  document.getElementById("who").textContent = "";
  for (const id of VIEWS) document.getElementById(id).hidden = true;
  const dev = signInMode() === "dev";
  document.getElementById("dev-sign-in").hidden = !dev;
  document.getElementById("token-sign-in").hidden = dev;
  // With a provider, tokens minted here are not valid (the host checks the provider's keys): its button replaces the
  // development form, and pasting a token stays possible.
  if (await oidcAvailable()) {
    document.getElementById("oidc-sign-in").hidden = false;
    document.getElementById("dev-sign-in").hidden = true;
    document.getElementById("token-sign-in").hidden = false;
  } else if (dev) {
    const select = document.getElementById("si-unit");
    const units = await loadUnits();
    const chosen = select.value;
    select.replaceChildren(...units.map((u) => el("option", { value: u.code }, unitName(u.code))));
    if (chosen) select.value = chosen;
    fillDemo();
    if (!document.getElementById("si-user").value) {
      const first = demoOfficers(select.value)[0];
      document.getElementById("si-user").value = first.subject;
      document.getElementById("si-name").value = first.name.vi;
    }
  }
}

function signedIn() {
  const claims = session.currentClaims();
  if (!claims) return null;
  if (!claims.roles.some((r) => OFFICER_ROLES.includes(r))) {
    session.signOut();
    announce(t("notOfficer"), "error");
    return null;
  }
  return claims;
}

/** Signed in (by any of the three ways): the counts start, and a provider's token is kept renewed. */
function startSession() {
  startCounts();
  keepRenewed(session, () => {
    announce(t("sessionEnded"), "error");
    route();
  });
}

function showWho(claims) {
  const roles = claims.roles.filter((r) => OFFICER_ROLES.includes(r)).map(roleName).join(", ");
  document.getElementById("who").textContent = `${claims.name} · ${roles}${claims.unit ? ` · ${unitName(claims.unit)}` : ""}`;
}

async function search(q) {
  show("view-search");
  const summary = document.getElementById("search-summary");
  const container = document.getElementById("search-table");
  const text = q.trim();
  document.getElementById("search-q").value = text;
  if (text.length < 2) {
    summary.textContent = t("searchEmpty");
    container.replaceChildren();
    return;
  }
  summary.textContent = t("loading");
  try {
    const { data } = await api(`/api/v1/dossiers?q=${encodeURIComponent(text)}&pageSize=50`);
    summary.textContent = t("searchFor", { q: text, n: data.totalIsLowerBound ? `${data.total}+` : data.total });
    renderDossierTable(container, data.items, "search-title");
  } catch (error) {
    summary.textContent = "";
    container.replaceChildren(el("p", { class: "message error" }, error instanceof ApiError ? i18n.pick(error.text) : t("failed")));
  }
}

/** #/hang-viec[/<list>[/<page>]], #/ho-so/<id>, #/tiep-nhan, #/tim?q=, #/in/<id>/<form>. */
async function route() {
  const claims = signedIn();
  if (!claims) {
    await showSignIn();
    return;
  }
  document.getElementById("sign-in").hidden = true;
  document.getElementById("nav").hidden = false;
  document.getElementById("sign-out").hidden = false;
  await loadUnits();
  showWho(claims);

  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = hash.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [head] = parts;
  if (head === "ho-so" && parts[1]) {
    show("view-dossier");
    await showDossier(parts[1]);
  } else if (head === "tiep-nhan") {
    show("view-intake");
    await showIntake();
  } else if (head === "tim") {
    await search(new URLSearchParams(query).get("q") ?? "");
  } else if (head === "in" && parts[1] && parts[2]) {
    show("view-print");
    await showPrint(parts[1], parts[2]);
  } else {
    show("view-queue");
    await showQueue(parts[1] ?? "mine", Number(parts[2]) || 1);
  }
}

function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** The shortcuts listed at the foot of the page; none fires while typing in a field or with a modifier held. */
function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  if (document.getElementById("assign-dialog").open) return;
  if (document.getElementById("nav").hidden) return;
  const queue = document.getElementById("view-queue");
  const key = event.key;
  if (key === "/") {
    event.preventDefault();
    document.getElementById("search-q").focus();
  } else if (key === "n") {
    event.preventDefault();
    location.hash = "#/tiep-nhan";
  } else if (key === "g") {
    event.preventDefault();
    location.hash = "#/hang-viec";
  } else if (key === "l") {
    event.preventDefault();
    document.getElementById("lang-toggle").click();
  } else if (/^[1-9]$/.test(key) && listAt(Number(key) - 1) && !queue.hidden) {
    event.preventDefault();
    location.hash = `#/hang-viec/${listAt(Number(key) - 1)}`;
  } else if ((key === "j" || key === "k") && !document.getElementById("view-search").hidden) {
    event.preventDefault();
    moveSelection(document.getElementById("search-table"), key === "j" ? 1 : -1);
  } else if ((key === "j" || key === "k") && !queue.hidden) {
    event.preventDefault();
    moveSelection(document.getElementById("queue-table"), key === "j" ? 1 : -1);
  }
}

function wire() {
  document.getElementById("lang-toggle").addEventListener("click", async () => {
    i18n.setLang(i18n.currentLang() === "vi" ? "en" : "vi");
    i18n.applyLanguage();
    clearAnnouncement();
    if (!document.getElementById("view-dossier").hidden) await rerenderDossier();
    else if (!document.getElementById("view-intake").hidden) rerenderIntake();
    else if (!document.getElementById("view-print").hidden) return;
    else await route();
  });

  document.getElementById("sign-out").addEventListener("click", () => {
    stopRenewing();
    session.signOut();
    location.hash = "";
    route();
  });

  document.getElementById("si-unit").addEventListener("change", () => {
    const first = demoOfficers(document.getElementById("si-unit").value)[0];
    document.getElementById("si-user").value = first.subject;
    document.getElementById("si-name").value = first.name.vi;
    document.getElementById("si-role").value = first.role;
    fillDemo();
  });

  document.getElementById("dev-sign-in").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      await session.mintDevToken({
        subject: String(form.get("user")).trim(),
        roles: [String(form.get("role"))],
        unit: String(form.get("unit")),
        name: String(form.get("name") ?? "").trim(),
      });
      clearAnnouncement();
      startSession();
      await route();
      document.getElementById("main").focus();
    } catch {
      announce(t("signInFailed"), "error");
    }
  });

  document.getElementById("token-sign-in").addEventListener("submit", async (event) => {
    event.preventDefault();
    session.keepToken(document.getElementById("si-token").value);
    if (!signedIn()) {
      announce(t("signInFailed"), "error");
      return;
    }
    clearAnnouncement();
    startSession();
    await route();
  });

  document.getElementById("oidc-button").addEventListener("click", async () => {
    try {
      await beginSignIn("/lam-viec");
    } catch {
      announce(t("providerUnavailable"), "error");
    }
  });

  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const q = document.getElementById("search-q").value.trim();
    const target = `#/tim?q=${encodeURIComponent(q)}`;
    if (location.hash === target) search(q);
    else location.hash = target;
  });

  window.addEventListener("hashchange", () => route());
  document.addEventListener("keydown", onKey);
}

/** Back from the provider, the code becomes the session's token (or the page says why not); then the view. */
async function start() {
  const refused = await resumeSignIn(session);
  if (refused) announce(t(refused), "error");
  if (signedIn()) startSession();
  await route();
}

i18n.applyLanguage();
wire();
start();
