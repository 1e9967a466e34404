// A procedure's form schema (GET /api/v1/procedures/{code} → form.fields) as labelled controls, and the same checks
// the intake API makes (type, required, pattern, length, range, choice), so a mistake is named before submitting.
import { el, parseDay } from "/pages/shared/format.js";
import { currentLang, t } from "./text.js";

function label(field) {
  return currentLang() === "en" ? field.labelEn || field.labelVi : field.labelVi || field.labelEn;
}

function help(field) {
  return currentLang() === "en" ? field.helpEn || field.helpVi : field.helpVi || field.helpEn;
}

/** The control of one field: a label, its help, the input and a slot its error is written to. */
export function fieldControl(field, prefix) {
  const id = `${prefix}${field.name}`;
  const describedBy = [`${id}-error`];
  const hint = help(field) ?? (field.type === "date" ? t("fieldDate") : null);
  if (hint) describedBy.unshift(`${id}-hint`);
  const common = { id, name: field.name, "aria-describedby": describedBy.join(" "), "aria-required": field.required ? "true" : null, "data-field-type": field.type };
  let input;
  switch (field.type) {
    case "multiline":
      input = el("textarea", { ...common, rows: "3", maxlength: field.maxLength ?? null });
      break;
    case "choice":
      input = el("select", common, el("option", { value: "" }, t("choose")),
        ...(field.choices ?? []).map((c) => el("option", { value: c.value }, currentLang() === "en" ? c.labelEn : c.labelVi)));
      break;
    case "boolean":
      input = el("select", common, el("option", { value: "" }, t("choose")), el("option", { value: "true" }, t("yes")), el("option", { value: "false" }, t("no")));
      break;
    case "integer":
    case "decimal":
      input = el("input", { ...common, type: "text", inputmode: field.type === "integer" ? "numeric" : "decimal", autocomplete: "off" });
      break;
    case "date":
      // Text, not type=date: a date input shows the browser's locale; the province writes dd/mm/yyyy.
      input = el("input", { ...common, type: "text", inputmode: "numeric", placeholder: "dd/mm/yyyy", maxlength: "10", autocomplete: "off" });
      break;
    case "email":
      input = el("input", { ...common, type: "email", maxlength: field.maxLength ?? null, autocomplete: field.autocomplete ?? "off" });
      break;
    case "phone":
      input = el("input", { ...common, type: "tel", maxlength: field.maxLength ?? null, autocomplete: field.autocomplete ?? "off" });
      break;
    default:
      input = el("input", { ...common, type: "text", maxlength: field.maxLength ?? null, autocomplete: field.autocomplete ?? "off", spellcheck: "false" });
  }
  return el("div", { class: "field", "data-field": field.name },
    el("label", { for: id }, label(field), field.required ? el("span", { class: "required", "aria-hidden": "true" }, " *") : null),
    hint ? el("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    input,
    el("p", { class: "field-error", id: `${id}-error` }));
}

/** The first thing wrong with a raw value (the text as typed), or null. */
export function checkField(field, raw) {
  const value = (raw ?? "").trim();
  if (value === "") return field.required ? t("fieldRequired") : null;
  if (field.maxLength && value.length > field.maxLength) return t("fieldTooLong", { n: field.maxLength });
  switch (field.type) {
    case "integer":
      if (!/^-?\d+$/.test(value)) return t("fieldInteger");
      break;
    case "decimal":
      if (!/^-?\d+([.,]\d+)?$/.test(value)) return t("fieldDecimal");
      break;
    case "date":
      if (parseDay(value) === null) return t("fieldDate");
      break;
    case "email":
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return t("fieldEmail");
      break;
    case "phone":
      if (!/^\+?[0-9 .()-]{8,20}$/.test(value)) return t("fieldPhone");
      break;
    case "choice":
      if (!(field.choices ?? []).some((c) => c.value === value)) return t("fieldChoice");
      break;
    case "boolean":
      if (value !== "true" && value !== "false") return t("fieldChoice");
      break;
    default:
      break;
  }
  if (field.type === "integer" || field.type === "decimal") {
    const number = Number(value.replace(",", "."));
    if (field.min !== undefined && field.min !== null && number < field.min) return t("fieldMin", { n: field.min });
    if (field.max !== undefined && field.max !== null && number > field.max) return t("fieldMax", { n: field.max });
  }
  if (field.pattern && !matches(field.pattern, value)) return t("fieldPattern");
  return null;
}

// The schema's pattern is a .NET regular expression; one JavaScript cannot read is left to the server to check.
function matches(pattern, value) {
  try {
    return new RegExp(pattern.startsWith("^") ? pattern : `^(?:${pattern})$`, "u").test(value);
  } catch {
    return true;
  }
}

/** A field's value as the API takes it (dates as yyyy-MM-dd, decimals with a point) and its error. */
export function readField(field, prefix) {
  const raw = document.getElementById(`${prefix}${field.name}`)?.value ?? "";
  const error = checkField(field, raw);
  let value = raw.trim();
  if (!error && field.type === "date" && value) value = parseDay(value);
  if (!error && field.type === "decimal" && value) value = value.replace(",", ".");
  return { value, error };
}
