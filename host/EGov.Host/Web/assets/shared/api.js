// Calls to the platform's API from a page: JSON in and out, and every refusal (problem+json) turned into one
// readable message in both languages, so a page never shows "400" or a stack trace.

/** A refused or failed call: status, the problem's stable code, its field errors, and { vi, en } to show. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(`${status} ${problem?.code ?? ""} ${message.en}`.trim());
    this.status = status;
    this.code = problem?.code ?? null;
    this.errors = problem?.errors ?? {};
    this.problem = problem;
    this.text = message;
  }
}

// The platform writes its messages "Vietnamese / English" (ProblemResults); a message without the separator is both.
export function splitBilingual(text) {
  const value = String(text ?? "").trim();
  const at = value.indexOf(" / ");
  return at < 0 ? { vi: value, en: value } : { vi: value.slice(0, at).trim(), en: value.slice(at + 3).trim() };
}

const GENERIC = {
  0: { vi: "Không kết nối được máy chủ. Vui lòng thử lại.", en: "The server could not be reached. Please try again." },
  401: { vi: "Phiên đăng nhập đã hết hạn hoặc mã không hợp lệ. Vui lòng đăng nhập lại.", en: "The session expired or the token is not valid. Please sign in again." },
  403: { vi: "Tài khoản này không được thực hiện thao tác này.", en: "This account may not do this." },
  404: { vi: "Không tìm thấy.", en: "Not found." },
  409: { vi: "Hồ sơ đã thay đổi; đã tải lại.", en: "The dossier changed; it was reloaded." },
  412: { vi: "Hồ sơ đã thay đổi; đã tải lại.", en: "The dossier changed; it was reloaded." },
  500: { vi: "Máy chủ gặp lỗi. Vui lòng thử lại sau.", en: "The server failed. Please try again later." },
};

/** The { vi, en } message of a problem: its detail, then each field's first message. */
export function problemMessage(status, problem) {
  const parts = [];
  if (problem?.detail) parts.push(splitBilingual(problem.detail));
  else if (problem?.title) parts.push(splitBilingual(problem.title));
  for (const [field, messages] of Object.entries(problem?.errors ?? {})) {
    const first = splitBilingual([].concat(messages)[0]);
    parts.push({ vi: `${field}: ${first.vi}`, en: `${field}: ${first.en}` });
  }
  if (parts.length === 0) parts.push(GENERIC[status] ?? GENERIC[status >= 500 ? 500 : 0]);
  return { vi: parts.map((p) => p.vi).join(" "), en: parts.map((p) => p.en).join(" ") };
}

/** Throws ApiError unless the response is 2xx; reads problem+json when the server sent one. */
export async function ensureOk(response) {
  if (response.ok) return response;
  let problem = null;
  try {
    if ((response.headers.get("content-type") ?? "").includes("json")) problem = await response.json();
  } catch {
    problem = null;
  }
  throw new ApiError(response.status, problem, problemMessage(response.status, problem));
}

/**
 * A JSON call through the page's authFetch. body is sent as JSON unless it is FormData. Answers { data, etag,
 * response }; a network failure becomes ApiError 0.
 */
export async function callApi(authFetch, url, { method = "GET", body, headers = {} } = {}) {
  const init = { method, headers: { accept: "application/json", ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers["content-type"] = "application/json";
  }
  let response;
  try {
    response = await authFetch(url, init);
  } catch {
    throw new ApiError(0, null, GENERIC[0]);
  }
  await ensureOk(response);
  const type = response.headers.get("content-type") ?? "";
  const data = response.status === 204 ? null : type.includes("json") ? await response.json() : await response.text();
  return { data, etag: response.headers.get("etag"), response };
}
