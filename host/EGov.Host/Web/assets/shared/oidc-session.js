// What the workspace and the portal do around oidc.js, as the dashboard does in dashboard.js: finish a sign-in the
// provider sent back, renew the token a minute before it expires while the provider session lasts, and say why a
// sign-in was refused. The token is kept by the page's own session (sessionStorage, egov.<page>.token).
import { canRefresh, completeSignIn, forgetSignIn, refreshSession } from "./oidc.js";

/** The words of signing in through the provider, for each page's TEXT (a page may word sessionEnded its own way). */
export const SIGN_IN_TEXT = {
  oidcNote: { vi: "Đăng nhập bằng tài khoản của hệ thống định danh của tỉnh.", en: "Sign in with your account at the province's identity provider." },
  oidcSignIn: { vi: "Đăng nhập qua hệ thống định danh", en: "Sign in with the identity provider" },
  sessionEnded: { vi: "Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.", en: "The session has ended. Please sign in again." },
  signInRefused: {
    vi: "Lần đăng nhập này không hợp lệ hoặc đã được dùng. Vui lòng đăng nhập lại.",
    en: "This sign-in is not valid or was already used. Please sign in again.",
  },
  signInDenied: { vi: "Hệ thống định danh không cho phép đăng nhập.", en: "The identity provider did not allow the sign-in." },
  providerUnavailable: {
    vi: "Chưa liên lạc được với hệ thống định danh. Vui lòng thử lại sau ít phút.",
    en: "The identity provider cannot be reached. Please try again in a few minutes.",
  },
};

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
