// The dossier page's foresight (docs/foresight.md): how likely the dossier is to end late and why
// (GET /api/v1/dossiers/{id}/risk), and the apology the platform drafted for it (form 04: the proposed new
// appointment), issued with one click or with other working days and a reason (action issue-apology).
import { el } from "/pages/shared/format.js";
import { announce, instant, percent } from "./common.js";
import { printHref } from "./forms.js";
import { i18n, pick, t } from "./text.js";

// The draft's own address under the forms route: one path segment in the print view's hash.
const DRAFT_FORM = encodeURIComponent("04/draft");

function facts(pairs) {
  return el("dl", { class: "facts" }, ...pairs.flatMap(([key, value, attrs = {}]) => [el("dt", {}, t(key)), el("dd", attrs, ...[].concat(value))]));
}

function mark(node, invalid) {
  if (invalid) node.setAttribute("aria-invalid", "true");
  else node.removeAttribute("aria-invalid");
}

function workingDays(days) {
  const value = new Intl.NumberFormat(i18n.currentLang() === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 }).format(days);
  return t("workingDaysN", { n: value });
}

/** The risk section from a RiskDto (null when it could not be read). */
export function riskSection(risk) {
  const body = [];
  if (!risk) {
    body.push(el("p", { id: "d-risk-none" }, t("riskFailed")));
  } else if (risk.probability === null || risk.probability === undefined) {
    body.push(el("p", { id: "d-risk-none" }, t("riskNoClock")));
  } else {
    body.push(facts([
      ["riskProbability", [percent(risk.probability),
        risk.atRisk ? [" ", el("span", { class: "flag flag-at-risk", "data-flag": "at-risk" }, t("atRisk"))] : []], { id: "d-risk-probability", "data-probability": risk.probability }],
      ["predictedFinish", instant(risk.predictedFinishAt), { id: "d-risk-finish" }],
      ["expectedRemaining", workingDays(risk.expectedRemainingWorkingDays), { id: "d-risk-remaining" }],
      ["riskBasis", t(risk.fromHistory ? "fromHistory" : "fromAllowances"), { id: "d-risk-basis", "data-basis": risk.fromHistory ? "history" : "allowances" }],
      ["computedAt", instant(risk.computedAt)],
    ]));
    if (risk.reasons?.length) {
      body.push(el("h3", { id: "d-risk-reasons-title" }, t("riskReasons")),
        el("ol", { id: "d-risk-reasons", "aria-labelledby": "d-risk-reasons-title" },
          ...risk.reasons.map((reason) => el("li", { "data-code": reason.code, "data-step": reason.stepId ?? "" }, pick(reason)))));
    }
  }
  return el("section", { "aria-labelledby": "d-risk-title", id: "d-risk" }, el("h2", { id: "d-risk-title" }, t("riskTitle")), ...body);
}

/**
 * The drafted apology, when there is one: the proposed appointment, the draft form 04 (opened like the other forms),
 * "issue" with the draft's days, and "change the date" with other days and the reason the event must carry.
 * issue({ workingDays?, reason? }) sends the action.
 */
export function apologySection(dossier, issue) {
  const draft = dossier.apologyDraft;
  if (!draft) return null;
  const mayIssue = dossier.availableActions.includes("issue-apology") || dossier.availableActions.includes("extend");
  const parts = [
    facts([
      ["proposedDueAt", instant(draft.proposedDueAt), { id: "d-apology-due" }],
      ["apologyDays", workingDays(draft.workingDays), { id: "d-apology-days-shown" }],
      ["apologyBasis", t(`basis-${draft.basis}`), { id: "d-apology-basis", "data-basis": draft.basis }],
      ["preparedAt", instant(draft.preparedAt)],
    ]),
    // rel=opener: the print view reads the token from this tab's sessionStorage, copied only to an opened tab.
    el("p", {}, el("a", { href: printHref(dossier.id, DRAFT_FORM), target: "_blank", rel: "opener", id: "d-apology-draft" }, t("openDraft"))),
  ];
  if (!mayIssue) {
    parts.push(el("p", { class: "hint", id: "d-apology-not-yours" }, t("apologyNotYours")));
    return el("section", { "aria-labelledby": "d-apology-title", id: "d-apology" }, el("h2", { id: "d-apology-title" }, t("apologyTitle")), ...parts);
  }

  const issueButton = el("button", { type: "button", id: "d-issue-apology" }, t("issueApology"));
  issueButton.addEventListener("click", () => issue({}));

  const days = el("input", { id: "d-apology-days", type: "number", min: "1", max: "30", value: String(draft.workingDays), inputmode: "numeric", required: "" });
  const reason = el("textarea", { id: "d-apology-reason", rows: "2", maxlength: "500", required: "", "aria-describedby": "d-apology-reason-hint" });
  const change = el("button", { type: "submit", id: "d-apology-change" }, t("issueChanged"));
  const form = el("form", { id: "d-apology-change-form", novalidate: "" },
    el("label", { for: "d-apology-days" }, t("workingDays")), days,
    el("label", { for: "d-apology-reason" }, `${t("changeReason")} *`),
    el("p", { class: "hint", id: "d-apology-reason-hint" }, t("changeReasonHint")), reason,
    el("p", {}, change));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const n = Number(days.value);
    const why = reason.value.trim();
    mark(days, !Number.isInteger(n) || n < 1);
    mark(reason, !why);
    if (!Number.isInteger(n) || n < 1) {
      announce(t("daysInvalid"), "error");
      days.focus();
      return;
    }
    if (!why) {
      announce(t("reasonRequired"), "error");
      reason.focus();
      return;
    }
    issue({ workingDays: n, reason: why });
  });

  parts.push(el("p", { class: "row" }, issueButton),
    el("details", { id: "d-apology-change-box" }, el("summary", {}, t("changeDate")), form));
  return el("section", { "aria-labelledby": "d-apology-title", id: "d-apology" }, el("h2", { id: "d-apology-title" }, t("apologyTitle")), ...parts);
}
