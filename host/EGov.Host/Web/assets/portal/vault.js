// The citizen's document vault in a form: papers already there to reuse (ticked), and new files uploaded into it
// at once (POST /api/v1/documents, owner = the citizen). A dossier then cites the ticked documents' ids.
import { el, formatInstant } from "/pages/shared/format.js";
import { ApiError, getJson, splitMessage, uploadDocument } from "./api.js";
import { bi, tx } from "./i18n.js";

/** Every document of the signed-in citizen's vault (GET /api/v1/documents), newest first. */
export async function loadVault() {
  const documents = await getJson("/api/v1/documents");
  return documents.sort((a, b) => String(b.uploadedAt).localeCompare(String(a.uploadedAt)));
}

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.xml,.json,application/pdf,image/jpeg,image/png,application/xml,application/json";

function sizeText(bytes) {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function kind(contentType) {
  return { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG", "application/xml": "XML", "application/json": "JSON" }[contentType] ?? contentType;
}

function uploadRefusal(error) {
  if (error instanceof ApiError) {
    if (error.status === 413) return { vi: "Tệp quá lớn (tối đa 20 MB).", en: "The file is too large (20 MB at most)." };
    if (error.status === 415) return { vi: "Chỉ nhận tệp PDF, JPEG, PNG, XML hoặc JSON.", en: "Only PDF, JPEG, PNG, XML or JSON files are accepted." };
    const detail = splitMessage(error.problem.detail || error.problem.title);
    if (detail.vi) return detail;
  }
  return { vi: "Chưa tải lên được tệp. Vui lòng thử lại.", en: "The file could not be uploaded. Please try again." };
}

/**
 * One group of documents: a requirement of the procedure (`type` fixed), or, with `types`, a choice of type for
 * each upload (a supplement), offering the vault documents in `offer` unticked. Returns { node, selected(), setError(message) }.
 */
export function documentGroup({ id, legend, mandatory = false, type = null, types = null, vault, owner, offer = null }) {
  const list = el("ul", { class: "doc-list", id: `${id}-list` });
  const status = el("p", { class: "doc-status", id: `${id}-status`, role: "status" });
  const error = el("p", { class: "field-error", id: `${id}-error` });
  const file = el("input", { type: "file", id: `${id}-file`, accept: ACCEPT, multiple: "", "aria-describedby": `${id}-file-hint ${id}-error` });
  const typeSelect = types
    ? el("select", { id: `${id}-type` }, types.map((t) => bi(t.name, t.nameEn || t.name, "option", { value: t.type })))
    : null;
  let count = 0;

  function add(document, checked) {
    const box = el("input", { type: "checkbox", id: `${id}-doc-${count++}`, value: document.id, "data-document-id": document.id });
    box.checked = checked;
    const uploaded = formatInstant(document.uploadedAt);
    list.append(el("li", { class: "check-row" }, box,
      el("label", { for: box.id, class: "check-label" },
        document.typeName ?? document.type, " ",
        el("span", { class: "hint" }, "(", kind(document.contentType), ", ", sizeText(document.size), uploaded ? `, ${uploaded}` : "", ")"),
        document.issuedBy ? [" ", el("span", { class: "tag" }, tx("issuedResult"))] : null)));
  }

  // Reuse first: the newest paper of the type is ticked, so an unchanged vault means nothing to upload.
  const existing = type ? vault.filter((d) => d.type === type) : offer ?? [];
  existing.forEach((d, i) => add(d, Boolean(type) && i === 0));

  file.addEventListener("change", async () => {
    const files = [...file.files];
    file.value = "";
    for (const one of files) {
      status.replaceChildren(tx("uploading", { name: one.name }));
      try {
        const document = await uploadDocument(one, type ?? typeSelect.value, owner);
        vault.unshift(document);
        // The same bytes uploaded again are the same document: tick it rather than list it twice.
        const known = list.querySelector(`input[data-document-id="${document.id}"]`);
        if (known) known.checked = true;
        else add(document, true);
        status.replaceChildren(tx("uploaded", { name: one.name }));
        error.replaceChildren();
      } catch (failure) {
        const message = uploadRefusal(failure);
        status.replaceChildren(bi(message.vi, message.en));
      }
    }
  });

  const node = el("fieldset", { class: "doc-group", id },
    el("legend", {}, legend, " ", el("span", { class: mandatory ? "tag" : "tag tag-optional" }, tx(mandatory ? "mandatory" : "optional"))),
    el("p", { class: "hint" }, tx(existing.length ? "reuseHint" : type ? "noneInVault" : "nothingToReuse")),
    list,
    typeSelect ? [el("label", { for: typeSelect.id }, tx("documentType")), typeSelect] : null,
    el("label", { for: file.id }, tx("uploadNew")),
    el("p", { class: "hint", id: `${id}-file-hint` }, tx("uploadHint")),
    file,
    status,
    error);

  return {
    node,
    selected: () => [...list.querySelectorAll("input:checked")].map((b) => b.value),
    setError(message) {
      if (message) {
        node.classList.add("invalid");
        error.replaceChildren(bi(message.vi, message.en));
      } else {
        node.classList.remove("invalid");
        error.replaceChildren();
      }
    },
    focus: () => (list.querySelector("input") ?? file).focus(),
  };
}
