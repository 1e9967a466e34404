// What every view of the workspace shares: the session, API calls, the announcer, units and how a due instant reads.
import { callApi } from "/pages/shared/api.js";
import { el, formatInstant } from "/pages/shared/format.js";
import { createSession } from "/pages/shared/session.js";
import { currentLang, pick, t } from "./text.js";

export const session = createSession("workspace");

/** A JSON call with the workspace's token: { data, etag }, or throws ApiError with a bilingual message. */
export function api(url, options) {
  return callApi(session.authFetch, url, options);
}

/** Says something in the status region (read out by screen readers); kind "error" marks it as one. */
export function announce(message, kind = "info") {
  const node = document.getElementById("announcer");
  node.className = kind === "error" ? "message error" : "message";
  node.textContent = typeof message === "string" ? message : pick(message);
}

export function clearAnnouncement() {
  document.getElementById("announcer").textContent = "";
}

let units = null;

/** The province's units (GET /api/v1/units), fetched once per page load: they change only with a deployment. */
export async function loadUnits() {
  if (!units) {
    const response = await fetch("/api/v1/units", { headers: { accept: "application/json" } });
    units = response.ok ? await response.json() : [];
  }
  return units;
}

/** "Sở Tư pháp (STP)" in Vietnamese, the English name in English; a unit not in the list shows its code. */
export function unitName(code) {
  const unit = (units ?? []).find((u) => u.code === code);
  if (!unit) return code ?? "";
  return `${currentLang() === "en" && unit.nameEn ? unit.nameEn : unit.name} (${unit.code})`;
}

export function roleName(role) {
  return t(role);
}

/** An instant as the office's wall time, in a <time> element. */
export function instant(iso) {
  return iso ? el("time", { datetime: iso }, formatInstant(iso)) : t("noDue");
}

/**
 * The due instant with its state in words, not colour alone: "Quá hạn" / "Sắp đến hạn" / "Có nguy cơ trễ" as text
 * in a badge.
 */
export function dueCell(iso, overdue, dueSoon, atRisk = false) {
  const cell = [instant(iso)];
  if (overdue) cell.push(" ", el("span", { class: "flag flag-overdue", "data-flag": "overdue" }, t("overdue")));
  else if (dueSoon) cell.push(" ", el("span", { class: "flag flag-due-soon", "data-flag": "due-soon" }, t("dueSoon")));
  if (atRisk && !overdue) cell.push(" ", el("span", { class: "flag flag-at-risk", "data-flag": "at-risk" }, t("atRisk")));
  return cell;
}

/** A probability of ending late (0–1) as a whole percentage in text, the way the language writes it ("85%"). */
export function percent(probability) {
  if (probability === null || probability === undefined) return "—";
  return new Intl.NumberFormat(currentLang() === "vi" ? "vi-VN" : "en-GB", { style: "percent", maximumFractionDigits: 0 }).format(probability);
}

/** A probability with its reason beneath: what the at-risk list and the dossier's risk panel say. */
export function riskCell(probability, reason) {
  return [el("span", { class: "flag flag-at-risk", "data-probability": probability ?? "" }, percent(probability)),
    reason ? el("span", { class: "sub", "data-cell": "risk-reason" }, pick(reason)) : null];
}

/** A person as { subject, name }: the name, with the subject when they differ. */
export function person(who) {
  if (!who) return t("unassigned");
  return who.name && who.name !== who.subject ? `${who.name} (${who.subject})` : who.subject;
}

/** Downloads an API resource that needs the token (a plain link cannot carry it) under a file name. */
export async function downloadWithToken(url, fileName) {
  const response = await session.authFetch(url, { headers: { accept: "*/*" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = el("a", { href, download: fileName, class: "visually-hidden" }, fileName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
