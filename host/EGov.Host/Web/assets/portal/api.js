// Calls to the platform's REST API as the signed-in citizen, and its problem+json answers in both languages.
import { authFetch } from "./session.js";

/** An answer the API refused: the status, the problem's stable code and its per-field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? null;
    this.problem = problem ?? {};
    this.errors = problem?.errors ?? {};
  }
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** The API writes its messages as "Tiếng Việt / English": the two halves, for the two languages. */
export function splitMessage(text) {
  const value = String(text ?? "");
  const at = value.indexOf(" / ");
  return at < 0 ? { vi: value, en: value } : { vi: value.slice(0, at), en: value.slice(at + 3) };
}

async function answer(response) {
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  return response.json();
}

/** GET a JSON resource (anonymously for the catalog, with the token otherwise). */
export async function getJson(url, { anonymous = false } = {}) {
  const response = anonymous
    ? await fetch(url, { headers: { accept: "application/json" } })
    : await authFetch(url);
  return answer(response);
}

/** POST a JSON body; `headers` adds e.g. Idempotency-Key or If-Match. */
export async function postJson(url, body, headers = {}) {
  return answer(await authFetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  }));
}

/** Uploads one file into the citizen's own vault (POST /api/v1/documents, multipart). */
export async function uploadDocument(file, type, ownerIdNumber) {
  const form = new FormData();
  form.append("file", file, file.name || "giay-to");
  form.append("type", type);
  form.append("ownerIdNumber", ownerIdNumber);
  return answer(await authFetch("/api/v1/documents", { method: "POST", body: form }));
}

/** Saves what `url` answers (a document's bytes, a form): fetched with the token (a plain link cannot carry it), then saved from a blob. */
export async function download(url, fallbackName) {
  const response = await authFetch(url, { headers: { accept: "*/*" } });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : plain ? plain[1] : fallbackName;
  const blobUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = blobUrl;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
  return name;
}
