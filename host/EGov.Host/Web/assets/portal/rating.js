// Rating the service when the dossier has ended: the official satisfaction survey (GET /api/v1/satisfaction/survey:
// several criteria, three levels each) as radio groups, the overall rating, then the `rate` action with `answers`.
import { el } from "/pages/shared/format.js";
import { ApiError, getJson, postJson, splitMessage } from "./api.js";
import { bi, tx } from "./i18n.js";

// The three levels the API has always taken (1..3), for a platform that does not serve the survey yet.
const FALLBACK_LEVELS = [
  { value: 1, labelVi: "Không hài lòng", labelEn: "Not satisfied" },
  { value: 2, labelVi: "Hài lòng", labelEn: "Satisfied" },
  { value: 3, labelVi: "Rất hài lòng", labelEn: "Very satisfied" },
];

export async function loadSurvey() {
  try {
    return await getJson("/api/v1/satisfaction/survey", { anonymous: true });
  } catch {
    return { levels: FALLBACK_LEVELS, criteria: [] };
  }
}

function pair(text) {
  return bi(text.vi, text.en);
}

function levelName(survey, value) {
  const level = (survey.levels ?? FALLBACK_LEVELS).find((l) => l.value === value);
  return level ? bi(level.labelVi, level.labelEn) : String(value);
}

function radioGroup(id, legend, levels) {
  const error = el("p", { class: "field-error", id: `${id}-error` });
  const fieldset = el("fieldset", { class: "levels", id, "aria-describedby": `${id}-error` },
    el("legend", {}, legend, el("span", { class: "required" }, " *")),
    el("div", { class: "level-options" }, levels.map((level) => {
      const radio = el("input", { type: "radio", name: id, value: String(level.value), id: `${id}-${level.value}` });
      return el("div", { class: "check-row" }, radio, el("label", { for: radio.id, class: "check-label" }, bi(level.labelVi, level.labelEn)));
    })),
    error);
  return {
    node: fieldset,
    value() {
      const chosen = fieldset.querySelector("input:checked");
      return chosen ? Number(chosen.value) : null;
    },
    setError(missing) {
      fieldset.classList.toggle("invalid", missing);
      error.replaceChildren(...(missing ? [bi("Chọn một mức.", "Pick one level.")] : []));
    },
    focus: () => fieldset.querySelector("input").focus(),
  };
}

/** What the citizen answered, once rated. */
export function ratedPanel(dossier, survey) {
  const answers = dossier.ratingAnswers ?? {};
  const criteria = survey.criteria ?? [];
  return el("section", { id: "rated-panel", class: "panel", "aria-labelledby": "rated-title" },
    el("h2", { id: "rated-title" }, tx("ratedTitle")),
    el("p", { id: "rated-overall" }, tx("overallRating"), ": ", levelName(survey, dossier.rating)),
    criteria.length && Object.keys(answers).length
      ? el("dl", { class: "facts", id: "rated-answers" }, criteria.filter((c) => answers[c.id]).flatMap((c) =>
        [el("dt", {}, bi(c.labelVi, c.labelEn)), el("dd", {}, levelName(survey, answers[c.id]))]))
      : null);
}

export function ratingPanel(ctx, dossier, survey, reload) {
  const levels = survey.levels?.length ? survey.levels : FALLBACK_LEVELS;
  const criteria = (survey.criteria ?? []).map((c, i) => ({ c, group: radioGroup(`criterion-${i}`, bi(c.labelVi, c.labelEn), levels) }));
  const overall = radioGroup("overall", tx("overallRating"), levels);
  const send = el("button", { type: "submit", id: "send-rating" }, tx("sendRating"));
  const form = el("form", { id: "rating-form", novalidate: "" },
    criteria.length ? el("p", { class: "hint" }, tx("ratingCriteriaHint")) : null,
    criteria.map((x) => x.group.node),
    overall.node,
    el("p", { class: "actions" }, send),
    // The survey writes these as "Tiếng Việt / English", as the API's messages are.
    survey.source ? el("p", { class: "hint", id: "survey-source" }, tx("surveySource"), " ", pair(splitMessage(survey.source))) : null,
    survey.unverified ? el("p", { class: "hint", id: "survey-unverified" }, tx("unverified"), " ", pair(splitMessage(survey.unverified))) : null);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const groups = [...criteria.map((x) => x.group), overall];
    let firstMissing = null;
    for (const g of groups) {
      const missing = g.value() === null;
      g.setError(missing);
      if (missing) firstMissing ??= g;
    }
    if (firstMissing) {
      firstMissing.focus();
      return;
    }
    const body = { rating: overall.value() };
    if (criteria.length) body.answers = Object.fromEntries(criteria.map((x) => [x.c.id, x.group.value()]));
    send.disabled = true;
    try {
      await postJson(`/api/v1/dossiers/${encodeURIComponent(dossier.id)}/rate`, body, { "If-Match": `"${dossier.version}"` });
      reload({ vi: "Cảm ơn bạn đã đánh giá.", en: "Thank you for your rating." });
    } catch (error) {
      send.disabled = false;
      if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
        reload({ vi: "Hồ sơ vừa thay đổi. Trang đã được tải lại.", en: "The dossier has just changed. The page was reloaded." }, true);
        return;
      }
      ctx.announceError(error);
    }
  });

  return el("section", { id: "rating-panel", class: "panel panel-action", "aria-labelledby": "rating-title" },
    el("h2", { id: "rating-title" }, tx("ratingTitle")),
    el("p", {}, tx("ratingIntro")),
    form);
}
