// The signed-in citizen: the bearer token, kept in sessionStorage so it dies with the browser tab and no node of the
// cluster holds a session (any node serves any request).
// Helper DESK is generalising this into assets/shared/: once that is on main, the portal uses the shared module.

const TOKEN_KEY = "egov.portal.token";
// The name typed at the development sign-in, for tokens that carry no `name` claim.
const NAME_KEY = "egov.portal.name";

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(NAME_KEY);
}

export function keepToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

/**
 * What the page shows about the token (who, roles, citizen id, expiry). The page only reads the payload; the server
 * checks the signature on every call, so a forged token shows a name here and gets nothing from the API.
 */
export function readClaims(token) {
  try {
    const part = token.split(".")[1];
    const base64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
    return {
      subject: String(payload.sub ?? ""),
      name: typeof payload.name === "string" && payload.name ? payload.name : null,
      roles: [].concat(payload.roles ?? []),
      citizenId: typeof payload.citizenId === "string" ? payload.citizenId : null,
      expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}

/** The signed-in citizen, or null when there is no token, it has expired, or it is not a citizen's. */
export function currentCitizen() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const claims = token ? readClaims(token) : null;
  if (!claims || (claims.expiresAt !== null && claims.expiresAt <= Date.now())) {
    signOut();
    return null;
  }
  if (!claims.roles.includes("citizen") || !claims.citizenId) return null;
  return { ...claims, name: claims.name ?? sessionStorage.getItem(NAME_KEY) };
}

/** fetch with the bearer token: every API call made for the citizen goes through here. */
export function authFetch(url, init = {}) {
  const headers = new Headers(init.headers ?? {});
  headers.set("authorization", `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ""}`);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  return fetch(url, { ...init, headers });
}

/** Development and tests only: the host mints the token (POST /api/v1/dev/tokens answers 404 elsewhere). */
export async function mintCitizenToken(citizenId, name) {
  const response = await fetch("/api/v1/dev/tokens", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ subject: `cong-dan-${citizenId}`, roles: ["citizen"], citizenId, name: name || undefined }),
  });
  if (!response.ok) throw new Error(`POST /api/v1/dev/tokens answered ${response.status}`);
  keepToken((await response.json()).accessToken);
  if (name) sessionStorage.setItem(NAME_KEY, name);
}
