// Signing in (#/dang-nhap). With the province's OIDC provider (GET /api/v1/auth/config), its button; in Development
// without one the host mints a citizen's token (demo citizens, or any identity number); otherwise a token from the
// province's sign-in service is pasted. The token stays in this tab's sessionStorage.
import { put } from "./dom.js";
import { el } from "/pages/shared/format.js";
import { beginSignIn, oidcAvailable } from "/pages/shared/oidc.js";
import { tx } from "./i18n.js";
import { currentCitizen, keepToken, mintCitizenToken, readClaims } from "./session.js";
import { fieldShell, setFieldError } from "./form-fields.js";

/** Demo citizens for Development: identity numbers of the right shape that no real person is promised to hold. */
export const DEMO_CITIZENS = [
  { citizenId: "079090001234", name: "Nguyễn Văn An" },
  { citizenId: "079185004321", name: "Trần Thị Bình" },
  { citizenId: "001200012345", name: "Lê Hoàng Cường" },
];

// Where to go after the provider sends the browser back: the address it returns to is fixed (/dich-vu-cong).
const NEXT_KEY = "egov.portal.after-sign-in";

/** Only a route of this page: never an address elsewhere. */
function nextRoute(next) {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/ho-so";
}

function afterSignIn(ctx) {
  ctx.go(nextRoute(ctx.query.get("tiep")), "signedIn");
}

/** The route to open after the provider's sign-in (kept across the round trip), once. */
export function takeNextRoute() {
  const next = sessionStorage.getItem(NEXT_KEY);
  sessionStorage.removeItem(NEXT_KEY);
  return nextRoute(next);
}

function oidcBlock(ctx) {
  const button = el("button", { type: "button", id: "oidc-button" }, tx("oidcSignIn"));
  button.addEventListener("click", async () => {
    sessionStorage.setItem(NEXT_KEY, nextRoute(ctx.query.get("tiep")));
    try {
      await beginSignIn("/dich-vu-cong");
    } catch {
      ctx.announce("providerUnavailable", true);
    }
  });
  return [el("p", { class: "hint" }, tx("oidcNote")), el("p", {}, button)];
}

function devForms(ctx) {
  const demo = el("ul", { class: "demo-citizens", id: "demo-citizens" }, DEMO_CITIZENS.map((c) => {
    const button = el("button", { type: "button", class: "secondary", "data-citizen-id": c.citizenId }, c.name, " ", el("span", { class: "who-id" }, `(${c.citizenId})`));
    button.addEventListener("click", async () => {
      try {
        await mintCitizenToken(c.citizenId, c.name);
        afterSignIn(ctx);
      } catch {
        ctx.announce("signInFailed", true);
      }
    });
    return el("li", {}, button);
  }));

  const idNumber = el("input", { type: "text", inputmode: "numeric", maxlength: "12", autocomplete: "off" });
  const name = el("input", { type: "text", autocomplete: "name", maxlength: "200" });
  const form = el("form", { id: "dev-sign-in", novalidate: "" },
    fieldShell("si-id", tx("idNumber"), tx("idNumberHint"), idNumber, { required: true }),
    fieldShell("si-name", tx("fullName"), null, name, { required: true }),
    el("p", {}, el("button", { type: "submit" }, tx("signIn"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const badId = !/^[0-9]{12}$/.test(idNumber.value.trim());
    const badName = !name.value.trim();
    setFieldError(idNumber, badId ? { vi: "Số định danh gồm đúng 12 chữ số.", en: "The identity number is exactly 12 digits." } : null);
    setFieldError(name, badName ? { vi: "Họ và tên là bắt buộc.", en: "The full name is required." } : null);
    if (badId || badName) {
      (badId ? idNumber : name).focus();
      return;
    }
    try {
      await mintCitizenToken(idNumber.value.trim(), name.value.trim());
      afterSignIn(ctx);
    } catch {
      ctx.announce("signInFailed", true);
    }
  });

  return [
    el("p", { class: "hint" }, tx("devNote")),
    el("h2", {}, tx("demoCitizens")),
    demo,
    el("h2", {}, tx("otherCitizen")),
    form,
  ];
}

function tokenForm(ctx) {
  const token = el("textarea", { rows: "4", spellcheck: "false" });
  const form = el("form", { id: "token-sign-in", novalidate: "" },
    fieldShell("si-token", tx("token"), tx("tokenHint"), token, { required: true }),
    el("p", {}, el("button", { type: "submit" }, tx("signIn"))));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const claims = readClaims(token.value.trim());
    if (!claims || !claims.roles.includes("citizen") || !claims.citizenId) {
      setFieldError(token, { vi: "Mã truy cập không hợp lệ hoặc không phải của công dân.", en: "The token is not valid or is not a citizen's." });
      token.focus();
      return;
    }
    keepToken(token.value);
    token.value = "";
    afterSignIn(ctx);
  });
  return [form];
}

export async function showSignIn(ctx) {
  const view = document.getElementById("view");
  const dev = document.querySelector('meta[name="egov-sign-in"]')?.content === "dev";
  // With a provider, tokens minted here are not valid (the host checks the provider's keys): its button replaces the
  // development forms, and pasting a token stays possible.
  const provider = await oidcAvailable();
  if (!ctx.alive()) return;
  put(view,
    el("h1", { tabindex: "-1" }, tx("signInTitle")),
    ctx.query.get("tiep") ? el("p", { class: "message", id: "sign-in-needed" }, tx("signInNeeded")) : null,
    currentCitizen() ? el("p", {}, tx("alreadySignedIn")) : null,
    provider ? el("div", { id: "oidc-sign-in", class: "oidc-slot" }, oidcBlock(ctx)) : null,
    dev && !provider ? devForms(ctx) : tokenForm(ctx));
  ctx.title("signInTitle");
}
