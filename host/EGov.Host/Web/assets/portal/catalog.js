// The procedure catalog and the units, read once per page load (they change only with a deployment).
import { getJson } from "./api.js";

let procedures = null;
let units = null;

export async function allProcedures() {
  procedures ??= getJson("/api/v1/procedures", { anonymous: true }).catch((error) => {
    procedures = null;
    throw error;
  });
  return procedures;
}

/** Unit code → { name, nameEn }; an empty map when the units cannot be read (they only label things). */
export async function unitNames() {
  units ??= getJson("/api/v1/units", { anonymous: true })
    .then((list) => new Map(list.map((u) => [u.code, { vi: u.name, en: u.nameEn || u.name }])))
    .catch(() => new Map());
  return units;
}

export async function procedureDetail(code) {
  return getJson(`/api/v1/procedures/${encodeURIComponent(code)}`, { anonymous: true });
}

/** Text folded for matching: lower case, no diacritics (đ is d), so "dang ky ket hon" finds "Đăng ký kết hôn". */
export function fold(text) {
  return String(text ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();
}
