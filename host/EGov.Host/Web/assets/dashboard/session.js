// The signed-in leader: the bearer token, kept in sessionStorage so it dies with the browser tab.

const TOKEN_KEY = "egov.dashboard.token";

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

export function keepToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

/**
 * What the page shows about the token (who, roles, unit, expiry). The page only reads the payload; the server
 * checks the signature on every call, so a forged token shows a name here and gets nothing from the API.
 */
export function readClaims(token) {
  try {
    const part = token.split(".")[1];
    const base64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
    return {
      subject: String(payload.sub ?? ""),
      roles: [].concat(payload.roles ?? []),
      unit: payload.unit ?? null,
      expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}

/** The signed-in identity, or null when there is no token or it has expired. */
export function currentClaims() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const claims = token ? readClaims(token) : null;
  if (!claims || (claims.expiresAt !== null && claims.expiresAt <= Date.now())) {
    signOut();
    return null;
  }
  return claims;
}

/** fetch with the bearer token: every API call the dashboard makes goes through here. */
export function authFetch(url, init = {}) {
  const headers = new Headers(init.headers ?? {});
  headers.set("authorization", `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ""}`);
  return fetch(url, { ...init, headers });
}

/** Development and tests only: the host mints the token (POST /api/v1/dev/tokens answers 404 elsewhere). */
export async function mintDevToken(subject, role, unit) {
  const response = await fetch("/api/v1/dev/tokens", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ subject, roles: [role], unit: unit || null }),
  });
  if (!response.ok) throw new Error(`POST /api/v1/dev/tokens answered ${response.status}`);
  keepToken((await response.json()).accessToken);
}
