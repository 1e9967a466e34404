// Report downloads: fetched with the bearer token (a plain link cannot carry it), then saved from the blob.
import { authFetch } from "./session.js";

function fileName(response, fallback) {
  const disposition = response.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Downloads GET /api/v1/statistics/export in csv or xlsx for the same unit and period as the figures. */
export async function downloadReport(format, query) {
  const params = new URLSearchParams(query);
  params.set("format", format);
  const response = await authFetch(`/api/v1/statistics/export?${params}`);
  if (!response.ok) throw new Error(`the export answered ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName(response, `thong-ke.${format}`);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
