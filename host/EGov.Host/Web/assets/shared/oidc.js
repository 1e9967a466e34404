// Signing in through the province's OpenID Connect provider: the authorization code flow with PKCE (RFC 7636),
// started and finished by the page, the code exchanged through this host (POST /api/v1/auth/token) so the pages'
// connect-src 'self' holds and a client secret never reaches the browser. Everything the flow needs between leaving
// for the provider and coming back (the code verifier, the state, the redirect URI) is in sessionStorage: no server
// remembers a sign-in, so any node of the cluster serves any step. No dependencies; any page may import it.

const PENDING_KEY = "egov.oidc.pending";
const REFRESH_KEY = "egov.oidc.refresh";

// The state is derived from the verifier, so the host can tell a state that is not this verifier's without
// remembering anything (docs/operations.md, "Signing in to the pages (OIDC)"). The prefix keeps it from being the
// PKCE challenge (the plain SHA-256 of the verifier), which the provider also sees.
const STATE_PREFIX = "egov-sign-in-state:";

/** A refused sign-in; `code` is the problem code the host answered, or one of the page's own (sign-in-state-mismatch). */
export class SignInError extends Error {
  constructor(code) {
    super(code);
    this.name = "SignInError";
    this.code = code;
  }
}

let settings = null;

/** The host's sign-in settings (GET /api/v1/auth/config), asked once a page load; null when they cannot be had. */
export function signInConfig() {
  settings ??= fetch("/api/v1/auth/config", { headers: { accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  return settings;
}

/** Whether this host signs people in through a provider (false in Development without one, and when it is down). */
export async function oidcAvailable() {
  return Boolean((await signInConfig())?.enabled);
}

function base64Url(bytes) {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function sha256(text) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
}

/**
 * Sends the browser to the provider; it comes back to `returnPath` (one of the host's redirect paths: /dashboard,
 * /lam-viec, /dich-vu-cong), where the page calls completeSignIn().
 */
export async function beginSignIn(returnPath = location.pathname) {
  const config = await signInConfig();
  if (!config?.enabled) throw new SignInError("sign-in-not-configured");
  if (!config.redirectPaths.includes(returnPath)) throw new SignInError("redirect-path-not-allowed");
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(await sha256(STATE_PREFIX + verifier));
  const redirectUri = location.origin + returnPath;
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, redirectUri }));
  const url = new URL(config.authorizationEndpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("scope", config.scope);
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", base64Url(await sha256(verifier)));
  url.searchParams.set("code_challenge_method", "S256");
  location.assign(url.toString());
}

/**
 * On the page the provider sent the browser back to: the access token, or null when the address holds no answer
 * from the provider (an ordinary visit). Throws SignInError when the answer is refused: the provider said no, the
 * state is not this tab's, or the host refused the code. The code leaves the address bar and history either way.
 */
export async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has("code") && !params.has("error")) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? "null");
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(history.state, "", location.pathname + location.hash);
  if (params.has("error")) throw new SignInError(params.get("error") === "access_denied" ? "sign-in-denied" : "sign-in-provider-error");
  // RFC 6749 §10.12: an answer this tab did not ask for (a forged link, another tab's sign-in) is never redeemed.
  if (!pending || pending.state !== params.get("state") || pending.redirectUri !== location.origin + location.pathname) {
    throw new SignInError("sign-in-state-mismatch");
  }
  const response = await postJson("/api/v1/auth/token", {
    code: params.get("code"),
    codeVerifier: pending.verifier,
    redirectUri: pending.redirectUri,
    state: params.get("state"),
  });
  if (!response.ok) throw new SignInError(await problemCode(response));
  const tokens = await response.json();
  keepRefreshToken(tokens.refreshToken);
  return tokens.accessToken;
}

/** Whether the provider gave a refresh token this tab still holds. */
export function canRefresh() {
  return sessionStorage.getItem(REFRESH_KEY) !== null;
}

/**
 * A new access token with the refresh token, or null when the session has ended (no refresh token, or the provider
 * refused it: the page then says "session ended, sign in again"). A provider that is briefly down also gives null,
 * but keeps the refresh token for the next try.
 */
export async function refreshSession() {
  const refreshToken = sessionStorage.getItem(REFRESH_KEY);
  if (!refreshToken) return null;
  try {
    const response = await postJson("/api/v1/auth/refresh", { refreshToken });
    if (!response.ok) {
      if (response.status < 500) sessionStorage.removeItem(REFRESH_KEY);
      return null;
    }
    const tokens = await response.json();
    keepRefreshToken(tokens.refreshToken ?? refreshToken);
    return tokens.accessToken;
  } catch {
    return null;
  }
}

/** Forgets the provider session in this tab (signing out of the page; the provider's own session is the provider's). */
export function forgetSignIn() {
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(PENDING_KEY);
}

function keepRefreshToken(token) {
  if (token) sessionStorage.setItem(REFRESH_KEY, token);
  else sessionStorage.removeItem(REFRESH_KEY);
}

function postJson(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
}

async function problemCode(response) {
  try {
    return (await response.json()).code ?? "sign-in-failed";
  } catch {
    return "sign-in-failed";
  }
}
