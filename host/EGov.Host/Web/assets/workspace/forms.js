// The printable one-stop forms 01–06. The form endpoint needs the token, which a plain link cannot carry: the
// workspace opens its own print view (#/in/<dossier>/<form>) in a new tab (sessionStorage is copied to a tab the
// page opens), reads the form's HTML there and shows it in a shadow root, its stylesheet adopted through CSSOM so
// the page's strict CSP (no inline style) stays as it is.
import { ApiError } from "/pages/shared/api.js";
import { el } from "/pages/shared/format.js";
import { api, downloadWithToken, instant } from "./common.js";
import { currentLang, pick, t } from "./text.js";

export function printHref(dossierId, formId) {
  return `/lam-viec#/in/${dossierId}/${formId}`;
}

/** The list of the dossier's forms, each with "open to print" (new tab) and "download". */
export function renderForms(dossier, forms) {
  if (forms.length === 0) return el("p", {}, t("noForms"));
  return el("ul", { class: "forms", id: "d-form-list" }, ...forms.map((form) => {
    const download = el("button", { type: "button", class: "link-button" }, t("download"));
    download.addEventListener("click", () => downloadWithToken(`${form.href}?download=true`, `${dossier.code}-mau-${form.form}.html`));
    return el("li", { "data-form": form.form },
      // rel=opener: a noopener tab (the default for target=_blank) would start without this tab's sessionStorage.
      el("a", { href: printHref(dossier.id, form.id), target: "_blank", rel: "opener", "data-print": form.form },
        `${t("openPrint")}: ${currentLang() === "en" ? form.titleEn : form.title} (${form.form})`),
      " ", el("span", { class: "sub" }, instant(form.createdAt)), " ", download);
  }));
}

/** The print view: the form alone, a print button, and nothing else on paper (workspace.css @media print). */
export async function showPrint(dossierId, formId) {
  const view = document.getElementById("view-print");
  const holder = el("div", { id: "print-form", class: "print-form" });
  const printButton = el("button", { type: "button", id: "print-button" }, t("print"));
  printButton.addEventListener("click", () => window.print());
  view.replaceChildren(
    el("div", { class: "print-toolbar no-print" },
      el("h1", { id: "print-title" }, t("printTitle")),
      el("p", { class: "row" }, printButton, el("a", { href: `#/ho-so/${dossierId}` }, t("openDossier")))),
    holder);
  try {
    const { data } = await api(`/api/v1/dossiers/${dossierId}/forms/${formId}`, { headers: { accept: "text/html" } });
    // The <style> blocks are cut out before parsing: a parsed document shares this page's CSP, which refuses inline
    // style (and says so in the console). Their rules are adopted through CSSOM instead, which the CSP allows.
    const styles = [];
    const html = data.replace(/<style[^>]*>([\s\S]*?)<\/style>/gi, (_, css) => {
      styles.push(css);
      return "";
    });
    const parsed = new DOMParser().parseFromString(html, "text/html");
    const shadow = holder.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    // The form's own rules address its <body>; inside the shadow root the host stands for it.
    sheet.replaceSync(styles.join("\n").replace(/\bbody\b/g, ":host"));
    shadow.adoptedStyleSheets = [sheet];
    for (const node of [...parsed.body.childNodes]) shadow.append(document.importNode(node, true));
    holder.dataset.loaded = "1";
    document.title = parsed.title || document.title;
    printButton.focus();
  } catch (error) {
    holder.replaceChildren(el("p", { class: "message error" }, error instanceof ApiError ? pick(error.text) : t("failed")));
  }
}
