// The dossier's timeline for its applicant, from its history: what happened and when, in plain words, with the
// office's reason where it concerns the citizen (a supplement asked, a refusal, an extension). Officers' names and
// internal steps (assignment, alarms) are left out, as on the public lookup.
import { el, formatInstant } from "/pages/shared/format.js";
import { bi, tx } from "./i18n.js";

const EVENTS = {
  DossierSubmitted: { vi: "Hồ sơ được nộp", en: "The dossier was submitted" },
  DossierReceived: { vi: "Cơ quan tiếp nhận hồ sơ", en: "The office received the dossier" },
  DossierRefused: { vi: "Cơ quan từ chối tiếp nhận", en: "The office did not accept the dossier", reason: true },
  SupplementRequested: { vi: "Cơ quan yêu cầu bổ sung giấy tờ", en: "The office asked for more documents", reason: true },
  DossierSupplemented: { vi: "Giấy tờ bổ sung đã được gửi", en: "The additional documents were sent" },
  StepCompleted: { vi: "Hoàn thành một bước xử lý", en: "A processing step was completed" },
  StepReturned: { vi: "Hồ sơ được chuyển lại để xem xét", en: "The dossier was sent back for review" },
  DossierApproved: { vi: "Hồ sơ được phê duyệt", en: "The dossier was approved" },
  DossierRejected: { vi: "Hồ sơ không được giải quyết", en: "The application was refused", reason: true },
  ResultIssued: { vi: "Đã có kết quả", en: "The result was issued" },
  ResultDelivered: { vi: "Đã trả kết quả", en: "The result was delivered" },
  DossierWithdrawn: { vi: "Hồ sơ được rút", en: "The dossier was withdrawn", reason: true },
  DossierStopped: { vi: "Dừng xử lý hồ sơ", en: "Processing was stopped", reason: true },
  DeadlineExtended: { vi: "Gia hạn thời gian giải quyết", en: "The deadline was extended", reason: true },
  DossierRated: { vi: "Bạn đã đánh giá dịch vụ", en: "You rated the service" },
};

export function timeline(history, dossier) {
  const entries = history.filter((e) => EVENTS[e.type]);
  if (entries.length === 0) return el("p", { id: "d-timeline" }, tx("noTimeline"));
  return el("ol", { id: "d-timeline", class: "timeline", "aria-labelledby": "timeline-title" }, entries.map((e) => {
    const what = EVENTS[e.type];
    const text = e.type === "DossierSubmitted" && dossier.channel === "Online"
      ? { vi: "Bạn nộp hồ sơ trực tuyến", en: "You submitted the dossier online" }
      : what;
    return el("li", { "data-type": e.type },
      bi(text.vi, text.en), " — ", el("time", { datetime: e.at }, formatInstant(e.at)),
      what.reason && e.reason ? el("p", { class: "timeline-reason", lang: "vi" }, e.reason) : null);
  }));
}
