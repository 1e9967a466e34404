// What the workspace and the portal do around oidc.js, as the dashboard does in dashboard.js: finish a sign-in the
// provider sent back, renew the token a minute before it expires while the provider session lasts, and say why a
// sign-in was refused. The token is kept by the page's own session (sessionStorage, egov.<page>.token).
import { canRefresh, completeSignIn, forgetSignIn, refreshSession } from "./oidc.js";

/** The page's text key for each refusal code completeSignIn throws; anything else is "signInRefused". */
const REFUSALS = {
  "sign-in-denied": "signInDenied",
  "sign-in-provider-error": "signInDenied",
  "identity-provider-unavailable": "providerUnavailable",
};

/**
 * On page load: a code from the provider becomes the session's token; otherwise a token that ran out is renewed if
 * the tab holds a refresh token. Answers null, or the text key of why the sign-in was refused.
 * session: { keepToken, signOut, currentClaims } of the page.
 */
export async function resumeSignIn(session) {
  try {
    const token = await completeSignIn();
    if (token) session.keepToken(token);
  } catch (error) {
    session.signOut();
    forgetSignIn();
    return REFUSALS[error?.code] ?? "signInRefused";
  }
  if (!session.currentClaims() && canRefresh()) {
    const token = await refreshSession();
    if (token) session.keepToken(token);
    else forgetSignIn();
  }
  return null;
}

let timer = null;

/**
 * With a provider session, renews the token a minute before it expires, again and again; when the provider refuses,
 * signs out and calls ended(). Without one (a development or pasted token) the token simply runs out.
 */
export function keepRenewed(session, ended) {
  clearTimeout(timer);
  timer = null;
  const expiresAt = session.currentClaims()?.expiresAt;
  if (!canRefresh() || !expiresAt) return;
  timer = setTimeout(async () => {
    const token = await refreshSession();
    if (token) {
      session.keepToken(token);
      keepRenewed(session, ended);
    } else {
      session.signOut();
      forgetSignIn();
      ended();
    }
  }, Math.max(expiresAt - 60_000 - Date.now(), 5_000));
}

/** Signing out of the page: no renewal, no refresh token left in the tab. */
export function stopRenewing() {
  clearTimeout(timer);
  timer = null;
  forgetSignIn();
}
