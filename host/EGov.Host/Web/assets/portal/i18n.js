// The portal's words in Vietnamese (the default) and English, and the switch between them. Every text a person reads
// is a [data-i18n] key or a [data-vi]/[data-en] pair, so switching language rewrites the page in place: nothing is
// re-rendered and nothing the citizen typed is lost.
import { el } from "/pages/shared/format.js";
import { TEXT } from "./texts.js";

const STORAGE_KEY = "egov.portal.lang";

export function currentLang() {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
}

export function setLang(lang) {
  localStorage.setItem(STORAGE_KEY, lang);
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  return fill(TEXT[key]?.[currentLang()] ?? key, values);
}

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** A span that shows TEXT[key] in whichever language is current, now and after a switch. */
export function tx(key, values = {}, tag = "span", attrs = {}) {
  const entry = TEXT[key] ?? { vi: key, en: key };
  return bi(fill(entry.vi, values), fill(entry.en, values), tag, attrs);
}

/** A span holding data in both languages (a form field's labels, a survey criterion), shown in the current one. */
export function bi(vi, en, tag = "span", attrs = {}) {
  const node = el(tag, { ...attrs, "data-vi": vi, "data-en": en || vi });
  node.textContent = currentLang() === "en" ? (en || vi) : vi;
  return node;
}

/** Sets an attribute (aria-label, placeholder) in both languages. */
export function biAttr(node, name, vi, en) {
  node.dataset[`attr${name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`] = JSON.stringify({ name, vi, en });
  node.setAttribute(name, currentLang() === "en" ? en : vi);
  return node;
}

/** Puts the current language on the page: <html lang>, the title, every translated node and the toggle. */
export function applyLanguage(titleKey) {
  const lang = currentLang();
  document.documentElement.lang = lang;
  if (titleKey) document.title = `${t(titleKey)} — ${t("siteName")}`;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-vi]")) node.textContent = lang === "en" ? node.dataset.en : node.dataset.vi;
  for (const node of document.querySelectorAll("*")) {
    for (const [key, value] of Object.entries(node.dataset)) {
      if (!key.startsWith("attr")) continue;
      const { name, vi, en } = JSON.parse(value);
      node.setAttribute(name, lang === "en" ? en : vi);
    }
  }
  const toggle = document.getElementById("lang-toggle");
  toggle.textContent = t("switchTo");
  // The button names the other language in that language.
  toggle.lang = lang === "vi" ? "en" : "vi";
}

/** Money as each language writes it: 200.000 đồng, VND 200,000. */
export function money(amount) {
  if (!amount) return { vi: "Miễn phí", en: "Free of charge" };
  return {
    vi: `${new Intl.NumberFormat("vi-VN").format(amount)} đồng`,
    en: `VND ${new Intl.NumberFormat("en-GB").format(amount)}`,
  };
}

/** A processing time as the catalog gives it ({ value, unit }), in both languages. */
export function duration(time, sameDay) {
  if (sameDay) return { vi: "Trong ngày làm việc", en: "Within the working day" };
  if (!time) return { vi: "—", en: "—" };
  return time.unit === "WorkingHours"
    ? { vi: `${time.value} giờ làm việc`, en: `${time.value} working hour${time.value === 1 ? "" : "s"}` }
    : { vi: `${time.value} ngày làm việc`, en: `${time.value} working day${time.value === 1 ? "" : "s"}` };
}
