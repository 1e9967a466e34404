// A page's signed-in user: the bearer token in sessionStorage under a key of that page, so it dies with the tab,
// and no server keeps a session (any node of the cluster serves any request). /dashboard keeps its own copy of
// this in dashboard/session.js (under "egov.dashboard.token"); the workspace and the portal use this one.

/** Reads a JWT's payload for display only: the server checks the signature on every call. */
export function readClaims(token) {
  try {
    const part = token.split(".")[1];
    const base64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
    const subject = String(payload.sub ?? "");
    return {
      subject,
      name: typeof payload.name === "string" && payload.name ? payload.name : subject,
      roles: [].concat(payload.roles ?? payload.role ?? []),
      unit: payload.unit ?? null,
      citizenId: payload.citizenId ?? null,
      expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}

/**
 * The session of one page ("workspace", "portal"): its token key is egov.<page>.token, so signing in to the
 * workspace does not sign the same tab in to the portal.
 */
export function createSession(page) {
  const key = `egov.${page}.token`;

  function signOut() {
    sessionStorage.removeItem(key);
  }

  function keepToken(token) {
    sessionStorage.setItem(key, token.trim());
  }

  function token() {
    return sessionStorage.getItem(key);
  }

  /** The signed-in identity, or null when there is no token or it has expired. */
  function currentClaims() {
    const value = token();
    const claims = value ? readClaims(value) : null;
    if (!claims || (claims.expiresAt !== null && claims.expiresAt <= Date.now())) {
      signOut();
      return null;
    }
    return claims;
  }

  /** fetch with the bearer token: every API call of the page goes through here. */
  function authFetch(url, init = {}) {
    const headers = new Headers(init.headers ?? {});
    headers.set("authorization", `Bearer ${token() ?? ""}`);
    if (!headers.has("accept")) headers.set("accept", "application/json");
    return fetch(url, { ...init, headers });
  }

  /** Development and tests only: the host mints the token (POST /api/v1/dev/tokens answers 404 elsewhere). */
  async function mintDevToken({ subject, roles, unit = null, name = null, citizenId = null }) {
    const response = await fetch("/api/v1/dev/tokens", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ subject, roles, unit: unit || null, name: name || null, citizenId: citizenId || null }),
    });
    if (!response.ok) throw new Error(`POST /api/v1/dev/tokens answered ${response.status}`);
    keepToken((await response.json()).accessToken);
  }

  return { key, signOut, keepToken, token, currentClaims, authFetch, mintDevToken };
}

/** What this deployment offers for signing in: "dev" (tokens minted here) or "token" (pasted), from the page's meta. */
export function signInMode() {
  return document.querySelector("meta[name='egov-sign-in']")?.content === "dev" ? "dev" : "token";
}
