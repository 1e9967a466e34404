// The citizen lookup: a dossier code in, its status, appointment and timeline out, from the public endpoint.
import { bilingual, el, formatInstant, isWellFormedCode, statusName } from "/pages/shared/format.js";

const form = document.getElementById("lookup-form");
const input = document.getElementById("code");
const message = document.getElementById("message");
const result = document.getElementById("result");

function say(kind, vi, en) {
  message.className = kind === "error" ? "message error" : "message";
  message.replaceChildren(...bilingual(vi, en));
}

function instantOrNone(iso, viNone, enNone) {
  return iso ? [el("time", { datetime: iso }, formatInstant(iso))] : bilingual(viNone, enNone);
}

function show(dossier) {
  const status = statusName(dossier.status);
  document.getElementById("r-code").textContent = dossier.code;
  document.getElementById("r-procedure").textContent = dossier.procedureName;
  document.getElementById("r-unit").textContent = dossier.unitName;
  document.getElementById("r-status").replaceChildren(
    status.vi, " ", el("span", { lang: "en", class: "en" }, `(${status.en})`));
  document.getElementById("r-received").replaceChildren(
    ...instantOrNone(dossier.receivedAt, "Chưa tiếp nhận", "Not yet received"));
  const due = document.getElementById("r-due");
  due.replaceChildren(...instantOrNone(dossier.dueAt, "Chưa có (đồng hồ đang dừng)", "None (the clock is stopped)"));
  if (dossier.overdue) {
    due.append(el("span", { class: "badge", id: "r-overdue" }, "Quá hạn ", el("span", { lang: "en" }, "/ Overdue")));
  }

  document.getElementById("r-timeline").replaceChildren(...dossier.timeline.map((entry) => {
    const name = statusName(entry.status);
    return el("li", {}, name.vi, " ", el("span", { lang: "en", class: "en" }, `(${name.en})`), " — ",
      el("time", { datetime: entry.at }, formatInstant(entry.at)));
  }));
  result.hidden = false;
}

async function lookUp(raw) {
  const code = raw.trim().toUpperCase();
  result.hidden = true;
  if (!isWellFormedCode(code)) {
    say("error",
      "Mã hồ sơ không đúng định dạng. Mã gồm mã cơ quan, ngày tiếp nhận và số thứ tự, ví dụ H10.22-261128-0001.",
      "The dossier code is malformed. A code is the agency id, the receipt date and a number, e.g. H10.22-261128-0001.");
    input.setAttribute("aria-invalid", "true");
    return;
  }

  input.removeAttribute("aria-invalid");
  // A printed receipt can link here; the address bar then holds a link to this very answer.
  history.replaceState(null, "", `/tra-cuu?code=${encodeURIComponent(code)}`);
  say("info", "Đang tra cứu…", "Looking up…");
  let response;
  try {
    response = await fetch(`/api/v1/public/dossiers/${encodeURIComponent(code)}`, { headers: { accept: "application/json" } });
  } catch {
    say("error", "Không kết nối được máy chủ. Vui lòng thử lại.", "The server could not be reached. Please try again.");
    return;
  }

  if (response.status === 404) {
    say("error", `Không tìm thấy hồ sơ có mã ${code}. Vui lòng kiểm tra lại mã trên giấy hẹn.`,
      `No dossier has the code ${code}. Please check the code on your receipt.`);
    return;
  }

  if (response.status === 429) {
    // Lookups are rate limited per client (codes are sequential): say how long to wait, from Retry-After.
    const seconds = Number.parseInt(response.headers.get("retry-after") ?? "", 10) || 60;
    say("error", `Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
      `Too many lookups from this device. Please try again in ${seconds} seconds.`);
    return;
  }

  if (!response.ok) {
    say("error", "Chưa tra cứu được lúc này. Vui lòng thử lại sau.", "The lookup failed just now. Please try again later.");
    return;
  }

  const dossier = await response.json();
  show(dossier);
  const status = statusName(dossier.status);
  say("info", `Đã tìm thấy hồ sơ ${dossier.code}: ${status.vi}.`, `Found dossier ${dossier.code}: ${status.en}.`);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  lookUp(input.value);
});

const initial = new URLSearchParams(location.search).get("code");
if (initial) {
  input.value = initial;
  lookUp(initial);
}
