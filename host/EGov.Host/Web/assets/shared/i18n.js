// Vietnamese first, English by a switch: a page's words ({ key: { vi, en } }) and the remembered choice.

/**
 * The language helper of one page. storageKey keeps the choice in localStorage (a preference, not a session: it
 * holds nothing about the user and is the same on every node).
 */
export function createI18n(storageKey, text) {
  function currentLang() {
    return localStorage.getItem(storageKey) === "en" ? "en" : "vi";
  }

  function setLang(lang) {
    localStorage.setItem(storageKey, lang === "en" ? "en" : "vi");
  }

  /** The text for a key in the current language, with {name} placeholders filled in; an unknown key shows itself. */
  function t(key, values = {}) {
    const entry = text[key];
    const value = entry ? entry[currentLang()] : key;
    return value.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
  }

  /** A { vi, en } pair (a status name, a message from the server) in the current language. */
  function pick(pair) {
    if (pair === null || pair === undefined) return "";
    if (typeof pair === "string") return pair;
    return pair[currentLang()] ?? pair.vi ?? "";
  }

  /**
   * Puts the current language on the page: <html lang>, the title, every [data-i18n] element's text, every
   * [data-i18n-label] element's aria-label and every [data-i18n-placeholder] placeholder, and the toggle, which
   * names the other language in that language.
   */
  function applyLanguage(root = document) {
    const lang = currentLang();
    document.documentElement.lang = lang;
    if (text.pageTitle) document.title = t("pageTitle");
    for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of root.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
    for (const node of root.querySelectorAll("[data-i18n-placeholder]")) node.setAttribute("placeholder", t(node.dataset.i18nPlaceholder));
    const toggle = document.getElementById("lang-toggle");
    if (toggle) {
      toggle.textContent = lang === "vi" ? "English" : "Tiếng Việt";
      toggle.lang = lang === "vi" ? "en" : "vi";
    }
  }

  function formatNumber(value) {
    return new Intl.NumberFormat(currentLang() === "vi" ? "vi-VN" : "en-GB").format(value);
  }

  return { currentLang, setLang, t, pick, applyLanguage, formatNumber };
}
