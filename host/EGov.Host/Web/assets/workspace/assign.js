// The assign dialog: the officers of the step's unit (GET /api/v1/units/{unit}/officers) who have the step's role
// or lead the unit, one to choose, and the reason a reassignment needs. Esc closes it (the <dialog> does that).
import { ApiError } from "/pages/shared/api.js";
import { el } from "/pages/shared/format.js";
import { api, person, roleName } from "./common.js";
import { pick, t } from "./text.js";

let onConfirm = null;
let currentAssignee = null;

function wire() {
  const dialog = document.getElementById("assign-dialog");
  if (dialog.dataset.wired) return dialog;
  dialog.dataset.wired = "1";
  document.getElementById("assign-cancel").addEventListener("click", () => dialog.close());
  document.getElementById("assign-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen = dialog.querySelector("input[name='assignee']:checked")?.value;
    const reason = document.getElementById("assign-reason").value.trim();
    const error = document.getElementById("assign-error");
    if (!chosen) {
      error.textContent = t("chooseOfficer");
      dialog.querySelector("input[name='assignee']")?.focus();
      return;
    }
    if (currentAssignee && currentAssignee !== chosen && !reason) {
      error.textContent = t("reasonRequired");
      document.getElementById("assign-reason").setAttribute("aria-invalid", "true");
      document.getElementById("assign-reason").focus();
      return;
    }
    dialog.close();
    onConfirm?.(chosen, reason);
  });
  return dialog;
}

export async function openAssignDialog(dossier, confirm) {
  const dialog = wire();
  const step = dossier.currentStep;
  onConfirm = confirm;
  currentAssignee = step?.assignee?.subject ?? null;
  document.getElementById("assign-error").textContent = "";
  document.getElementById("assign-reason").value = "";
  document.getElementById("assign-reason").removeAttribute("aria-invalid");
  document.getElementById("assign-current").textContent = currentAssignee ? t("reassignNote", { name: person(step.assignee) }) : "";
  const list = document.getElementById("assign-officers");
  list.replaceChildren(el("p", { class: "hint" }, t("loading")));
  dialog.showModal();
  try {
    const { data } = await api(`/api/v1/units/${encodeURIComponent(step.unit)}/officers`);
    // Only those the server would accept: the step's role or the unit's leader (it refuses the rest with a 400).
    const eligible = data.filter((o) => o.roles.includes(step.role) || o.roles.includes("leader"));
    if (eligible.length === 0) {
      list.replaceChildren(el("p", {}, t("noOfficers")));
      return;
    }
    list.replaceChildren(...eligible.map((officer, index) => {
      const id = `assign-officer-${index}`;
      return el("div", { class: "officer" },
        el("input", { type: "radio", name: "assignee", id, value: officer.subject, checked: officer.subject === currentAssignee ? "" : null }),
        el("label", { for: id }, person(officer), el("span", { class: "sub" }, ` · ${officer.roles.map(roleName).join(", ")}`)));
    }));
    list.querySelector("input")?.focus();
  } catch (error) {
    list.replaceChildren(el("p", { class: "message error" }, error instanceof ApiError ? pick(error.text) : t("failed")));
  }
}
