// Formatting both pages share: status names, instants and the shape of a dossier code.

/** Status names as the API spells them (api-v1.md), with the wording of the one-stop forms. */
export const STATUS = {
  Submitted: { vi: "Đã nộp, chờ tiếp nhận", en: "Submitted" },
  Received: { vi: "Đã tiếp nhận", en: "Received" },
  Processing: { vi: "Đang giải quyết", en: "Processing" },
  SupplementRequested: { vi: "Yêu cầu bổ sung", en: "Supplement requested" },
  AwaitingFee: { vi: "Chờ nộp phí, lệ phí", en: "Awaiting fee" },
  Approved: { vi: "Đã phê duyệt", en: "Approved" },
  ResultReady: { vi: "Đã có kết quả", en: "Result ready" },
  Delivered: { vi: "Đã trả kết quả", en: "Delivered" },
  Refused: { vi: "Từ chối tiếp nhận", en: "Refused" },
  Rejected: { vi: "Từ chối giải quyết", en: "Rejected" },
  Withdrawn: { vi: "Đã rút hồ sơ", en: "Withdrawn" },
  Stopped: { vi: "Dừng xử lý", en: "Stopped" },
};

export function statusName(status) {
  return STATUS[status] ?? { vi: status, en: status };
}

/**
 * The API writes instants in the deployment's zone with its offset (…T09:00:00+07:00). The pages show that
 * wall time as written, so a leader abroad or a browser set to another zone sees the office's times.
 */
export function formatInstant(iso, withSeconds = false) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):?(\d{2})?/.exec(iso ?? "");
  if (!m) return "";
  return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` + (withSeconds ? `:${m[6] ?? "00"}` : "");
}

/** A yyyy-MM-dd day as dd/MM/yyyy (Vietnamese and English readers alike use day first). */
export function formatDay(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? "");
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
}

/**
 * A day typed as dd/mm/yyyy (the only form the pages show or take, whatever the browser's locale) as the API's
 * yyyy-MM-dd, or null when it is not that form or names no real day (31/02/2026).
 */
export function parseDay(text) {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec((text ?? "").trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC rolls an impossible day over into the next month: a real day comes back as it went in.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** Mirrors EGov.Kernel.DossierCode.IsWellFormed, so junk is answered without asking the server. */
export function isWellFormedCode(code) {
  return code.length <= 64 && /^[A-Za-z0-9.]{1,40}-[0-9]{6}-[0-9]{4,}$/.test(code);
}

/** document.createElement with attributes and children (strings become text, never HTML). */
export function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:")
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4))
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Vietnamese text followed by its English in a lang="en" span, for pages that show both at once. */
export function bilingual(vi, en) {
  return [vi, " ", el("span", { lang: "en", class: "en" }, `/ ${en}`)];
}
