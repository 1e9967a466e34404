// A procedure's own form, rendered from its schema (GET /api/v1/procedures/{code} → form.fields) with checks that
// mirror the intake's: the citizen hears what is wrong before sending, and the server's answer, keyed
// details.<name>, lands on the same field when a rule only the server knows is broken.
import { el, parseDay } from "/pages/shared/format.js";
import { bi, tx } from "./i18n.js";

const INTEGER = /^-?[0-9]+$/;
const DECIMAL = /^-?[0-9]+(?:[.,][0-9]+)?$/;
// The intake's own patterns (ApplicantValidator), so a form field of type email/phone is held to the same rule.
export const EMAIL = /^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$/;
export const PHONE = /^(?:0|\+84)(?:[35789][0-9]{8}|2[0-9]{9})$/;

/** A field's pattern as the intake runs it (FormPattern: anchored to the whole value); null when it does not translate. */
function pattern(source) {
  if (!source) return null;
  try {
    return new RegExp(`^(?:${source.replace(/\\A/g, "^").replace(/\\[zZ]/g, "$")})$`);
  } catch {
    return null;
  }
}

/** The message element under a control, and the control's link to it (aria-describedby). */
export function fieldShell(id, label, hint, control, { required = false, field } = {}) {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  control.id = id;
  control.dataset.field = field ?? id;
  control.setAttribute("aria-describedby", [hintId, errorId].filter(Boolean).join(" "));
  if (required) control.setAttribute("aria-required", "true");
  const isCheck = control.type === "checkbox";
  const labelNode = el("label", { for: id, class: isCheck ? "check-label" : null }, label, required ? el("span", { class: "required" }, " *") : null);
  return el("div", { class: isCheck ? "field field-check" : "field" },
    isCheck ? null : labelNode,
    hint ? el("p", { id: hintId, class: "hint" }, hint) : null,
    isCheck ? el("div", { class: "check-row" }, control, labelNode) : control,
    el("p", { id: errorId, class: "field-error", "data-error-for": id }));
}

/** Marks a control wrong (or right again) with a message in both languages. */
export function setFieldError(control, message) {
  const box = document.getElementById(`${control.id}-error`);
  if (message) {
    control.setAttribute("aria-invalid", "true");
    box?.replaceChildren(bi(message.vi, message.en));
  } else {
    control.removeAttribute("aria-invalid");
    box?.replaceChildren();
  }
}

/** The schema's type in the contract's spelling (text, choice, ...), whatever case the catalog writes it in. */
function typeOf(field) {
  return String(field.type ?? "text").toLowerCase();
}

function input(field) {
  switch (typeOf(field)) {
    case "multiline":
      return el("textarea", { rows: "4", maxlength: field.maxLength ?? null, class: "prose" });
    case "integer":
      return el("input", { type: "text", inputmode: "numeric", autocomplete: "off" });
    case "decimal":
      return el("input", { type: "text", inputmode: "decimal", autocomplete: "off" });
    case "date":
      // Text, not type=date: a date input shows the browser's locale (mm/dd/yyyy in a US browser).
      return el("input", { type: "text", inputmode: "numeric", placeholder: "dd/mm/yyyy", maxlength: "10", autocomplete: "off" });
    case "choice": {
      const select = el("select", {});
      select.append(tx("choose", {}, "option", { value: "" }),
        ...(field.choices ?? []).map((c) => bi(c.labelVi, c.labelEn, "option", { value: c.value })));
      return select;
    }
    case "boolean":
      return el("input", { type: "checkbox" });
    case "email":
      return el("input", { type: "email", inputmode: "email", autocomplete: "email", maxlength: field.maxLength ?? "254" });
    case "phone":
      return el("input", { type: "tel", inputmode: "tel", autocomplete: "tel", maxlength: field.maxLength ?? "15" });
    default:
      return el("input", { type: "text", maxlength: field.maxLength ?? null });
  }
}

function typeHint(field) {
  if (field.helpVi || field.helpEn) return bi(field.helpVi ?? field.helpEn, field.helpEn ?? field.helpVi);
  if (typeOf(field) === "date") return tx("dateHint");
  return null;
}

/** The value to send (text, as `details` holds), or a message saying what is wrong. */
function check(field, control) {
  const type = typeOf(field);
  if (type === "boolean") {
    if (field.required && !control.checked) return { error: { vi: "Cần đánh dấu mục này.", en: "This box must be ticked." } };
    return { value: control.checked ? "true" : "false" };
  }
  const raw = control.value.trim();
  if (!raw) {
    return field.required ? { error: { vi: "Trường này là bắt buộc.", en: "This field is required." } } : { value: null };
  }
  if (field.maxLength && raw.length > field.maxLength) {
    return { error: { vi: `Tối đa ${field.maxLength} ký tự.`, en: `At most ${field.maxLength} characters.` } };
  }
  let value = raw;
  switch (type) {
    case "integer":
    case "decimal": {
      if (!(type === "integer" ? INTEGER : DECIMAL).test(raw)) {
        return { error: type === "integer"
          ? { vi: "Nhập một số nguyên, ví dụ 3.", en: "Enter a whole number, e.g. 3." }
          : { vi: "Nhập một số, ví dụ 12,5.", en: "Enter a number, e.g. 12.5." } };
      }
      value = raw.replace(",", ".");
      const number = Number(value);
      if ((field.min ?? null) !== null && number < field.min) return { error: { vi: `Không nhỏ hơn ${field.min}.`, en: `At least ${field.min}.` } };
      if ((field.max ?? null) !== null && number > field.max) return { error: { vi: `Không lớn hơn ${field.max}.`, en: `At most ${field.max}.` } };
      break;
    }
    case "date":
      value = parseDay(raw);
      if (!value) return { error: { vi: "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 01/03/2026.", en: "Invalid date: enter it as dd/mm/yyyy, e.g. 01/03/2026." } };
      break;
    case "choice":
      if (!(field.choices ?? []).some((c) => c.value === raw)) return { error: { vi: "Chọn một giá trị trong danh sách.", en: "Pick one of the listed values." } };
      break;
    case "email":
      if (!EMAIL.test(raw)) return { error: { vi: "Địa chỉ thư điện tử không hợp lệ.", en: "The e-mail address is not valid." } };
      break;
    case "phone":
      if (!PHONE.test(raw)) return { error: { vi: "Số điện thoại không hợp lệ, ví dụ 0912345678.", en: "Not a Vietnamese phone number, e.g. 0912345678." } };
      break;
    default:
      break;
  }
  const rule = pattern(field.pattern);
  if (rule && !rule.test(value)) return { error: { vi: "Giá trị không đúng định dạng yêu cầu.", en: "The value does not have the required form." } };
  return { value };
}

/**
 * Renders the schema's fields into `container` and returns a reader: `read()` checks every field and gives
 * { details, invalid: [controls] }.
 */
export function renderFormFields(container, fields) {
  const controls = fields.map((field) => {
    const control = input(field);
    container.append(fieldShell(`f-${field.name}`, bi(field.labelVi, field.labelEn || field.labelVi), typeHint(field), control,
      { required: field.required, field: `details.${field.name}` }));
    return { field, control };
  });
  return {
    read() {
      const details = {};
      const invalid = [];
      for (const { field, control } of controls) {
        const { value, error } = check(field, control);
        setFieldError(control, error ?? null);
        if (error) invalid.push(control);
        else if (value !== null) details[field.name] = value;
      }
      return { details, invalid };
    },
  };
}
