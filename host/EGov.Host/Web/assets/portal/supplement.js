// Answering a supplement request on the dossier page: what the office asked (the reason on the SupplementRequested
// event, and form 02 that says it on paper), documents uploaded or picked from the vault, then the `supplement` action.
import { el } from "/pages/shared/format.js";
import { ApiError, download, getJson, postJson } from "./api.js";
import { bi, tx } from "./i18n.js";
import { documentGroup, loadVault } from "./vault.js";

/** The newest supplement request's reason, from the dossier's history. */
function askedFor(history) {
  const request = history.filter((e) => e.type === "SupplementRequested").at(-1);
  return request?.reason ?? null;
}

export async function supplementPanel(ctx, dossier, history, procedure, reload) {
  const [vault, forms] = await Promise.all([
    loadVault(),
    getJson(`/api/v1/dossiers/${encodeURIComponent(dossier.id)}/forms`).catch(() => []),
  ]);
  const cited = new Set(dossier.documentIds);
  const types = procedure.requiredDocuments.map((r) => ({ type: r.type, name: r.name, nameEn: r.name }));
  const group = documentGroup({
    id: "supplement-docs", legend: tx("supplementDocuments"), mandatory: true, types, vault, owner: ctx.citizen.citizenId,
    offer: vault.filter((d) => !cited.has(d.id) && !d.issuedBy),
  });
  const note = el("textarea", { id: "supplement-note", rows: "3", maxlength: "2000", class: "prose" });
  const send = el("button", { type: "submit", id: "send-supplement" }, tx("sendSupplement"));
  const form02 = forms.filter((f) => f.form === "02").at(-1);
  const reason = askedFor(history);

  const form = el("form", { id: "supplement-form", novalidate: "" },
    el("h3", {}, tx("supplementAsked")),
    el("blockquote", { id: "supplement-reason", lang: "vi" }, reason ?? "—"),
    form02 ? el("p", {}, el("button", { type: "button", class: "secondary", id: "download-form-02" }, tx("downloadForm02"))) : null,
    group.node,
    el("label", { for: note.id }, tx("supplementNote")),
    note,
    el("p", { class: "actions" }, send));

  form.querySelector("#download-form-02")?.addEventListener("click", async () => {
    try {
      await download(`${form02.href}?download=true`, `${dossier.code}-mau-02.html`);
    } catch (error) {
      ctx.announceError(error);
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const documentIds = group.selected();
    if (documentIds.length === 0) {
      group.setError({ vi: "Cần chọn hoặc tải lên ít nhất một giấy tờ.", en: "Choose or upload at least one document." });
      group.focus();
      return;
    }
    group.setError(null);
    send.disabled = true;
    try {
      await postJson(`/api/v1/dossiers/${encodeURIComponent(dossier.id)}/supplement`,
        { documentIds, reason: note.value.trim() || undefined }, { "If-Match": `"${dossier.version}"` });
      reload({ vi: "Đã gửi giấy tờ bổ sung. Hồ sơ được tiếp tục giải quyết.", en: "The documents have been sent. Processing continues." });
    } catch (error) {
      send.disabled = false;
      if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
        reload({ vi: "Hồ sơ vừa thay đổi. Trang đã được tải lại, vui lòng xem lại.", en: "The dossier has just changed. The page was reloaded: please check it again." }, true);
        return;
      }
      ctx.announceError(error);
    }
  });

  return el("section", { id: "supplement-panel", class: "panel panel-action", "aria-labelledby": "supplement-title" },
    el("h2", { id: "supplement-title" }, tx("supplementTitle")),
    el("p", {}, bi("Cơ quan giải quyết cần thêm giấy tờ. Thời hạn giải quyết tạm dừng cho đến khi bạn gửi bổ sung.",
      "The office needs more documents. The deadline is paused until you send them.")),
    form);
}
