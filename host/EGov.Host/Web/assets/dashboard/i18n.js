// The dashboard's words in Vietnamese (the default) and English, and the remembered choice between them.

import { SIGN_IN_TEXT } from "/pages/shared/oidc-session.js";

const STORAGE_KEY = "egov.dashboard.lang";

export const TEXT = {
  pageTitle: { vi: "Bảng điều hành — Một cửa", en: "Leader dashboard — One-stop shop" },
  skip: { vi: "Bỏ qua đến nội dung chính", en: "Skip to main content" },
  brand: { vi: "Bộ phận Một cửa — Bảng điều hành", en: "One-stop shop — Dashboard" },
  title: { vi: "Bảng điều hành của lãnh đạo", en: "Leader dashboard" },
  signInTitle: { vi: "Đăng nhập", en: "Sign in" },
  devNote: {
    vi: "Môi trường phát triển: mã truy cập được cấp ngay tại máy chủ này.",
    en: "Development environment: this server mints the access token itself.",
  },
  unit: { vi: "Đơn vị", en: "Unit" },
  allUnits: { vi: "Tất cả đơn vị (chỉ quản trị)", en: "All units (admin only)" },
  role: { vi: "Vai trò", en: "Role" },
  user: { vi: "Tên người dùng", en: "User name" },
  token: { vi: "Mã truy cập (access token)", en: "Access token" },
  tokenHint: {
    vi: "Dán mã truy cập do hệ thống đăng nhập của tỉnh cấp. Mã chỉ được giữ trong thẻ trình duyệt này.",
    en: "Paste the access token from the province's sign-in service. It is kept in this browser tab only.",
  },
  signIn: { vi: "Đăng nhập", en: "Sign in" },
  signOut: { vi: "Đăng xuất", en: "Sign out" },
  signedInAs: { vi: "Đăng nhập với", en: "Signed in as" },
  leader: { vi: "Lãnh đạo", en: "Leader" },
  admin: { vi: "Quản trị", en: "Administrator" },
  specialist: { vi: "Chuyên viên", en: "Specialist" },
  "desk-officer": { vi: "Cán bộ một cửa", en: "Desk officer" },
  citizen: { vi: "Công dân", en: "Citizen" },
  period: { vi: "Kỳ báo cáo", en: "Reporting period" },
  periodHint: {
    vi: "Nhập ngày theo dạng dd/mm/yyyy (ngày/tháng/năm), ví dụ 01/03/2026.",
    en: "Enter days as dd/mm/yyyy (day/month/year), e.g. 01/03/2026.",
  },
  from: { vi: "Từ ngày", en: "From" },
  to: { vi: "Đến ngày", en: "To" },
  apply: { vi: "Xem số liệu", en: "Show figures" },
  lastUpdated: { vi: "Cập nhật lúc", en: "Last updated" },
  never: { vi: "chưa có", en: "not yet" },
  live: { vi: "trực tiếp", en: "live" },
  polling: { vi: "làm mới 5 giây một lần", en: "refreshed every 5 s" },
  exportCsv: { vi: "Tải về CSV", en: "Download CSV" },
  exportXlsx: { vi: "Tải về Excel (XLSX)", en: "Download Excel (XLSX)" },
  figures: { vi: "Số liệu theo đơn vị", en: "Figures by unit" },
  provinceTotal: { vi: "Toàn tỉnh", en: "Province total" },
  received: { vi: "Tiếp nhận", en: "Received" },
  online: { vi: "trực tuyến", en: "online" },
  direct: { vi: "trực tiếp, bưu chính", en: "in person, by post" },
  carriedOver: { vi: "kỳ trước chuyển sang", en: "carried over" },
  withinDeadline: { vi: "Đang giải quyết trong hạn", en: "In progress, within deadline" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
  dueSoon: { vi: "Sắp đến hạn", en: "Due soon" },
  onTimeRate: { vi: "Tỷ lệ giải quyết đúng hạn", en: "Resolved on time" },
  resolvedOf: { vi: "đã giải quyết", en: "resolved" },
  noUnits: { vi: "Không có đơn vị nào trong báo cáo.", en: "The report has no unit." },
  trend: { vi: "Diễn biến theo ngày", en: "Daily trend" },
  trendReceived: { vi: "Tiếp nhận", en: "Received" },
  trendResolved: { vi: "Đã giải quyết", en: "Resolved" },
  day: { vi: "Ngày", en: "Day" },
  trendTable: { vi: "Bảng số liệu của biểu đồ", en: "The chart's figures as a table" },
  trendSummary: {
    vi: "Từ {from} đến {to}: tiếp nhận {received}, đã giải quyết {resolved}. Ngày tiếp nhận nhiều nhất: {peakDay} ({peak}).",
    en: "From {from} to {to}: {received} received, {resolved} resolved. Busiest day: {peakDay} ({peak} received).",
  },
  noDays: { vi: "Không có ngày nào trong kỳ.", en: "The period has no day." },
  overdueList: { vi: "Hồ sơ quá hạn", en: "Overdue dossiers" },
  code: { vi: "Mã hồ sơ", en: "Code" },
  procedure: { vi: "Thủ tục", en: "Procedure" },
  appointment: { vi: "Hẹn trả", en: "Appointment" },
  holdingUnit: { vi: "Đơn vị đang giữ", en: "Holding unit" },
  step: { vi: "Bước", en: "Step" },
  lastOfficer: { vi: "Cán bộ xử lý gần nhất", en: "Last officer" },
  "none-overdue": { vi: "Không có hồ sơ quá hạn.", en: "No dossier is overdue." },
  dueSoonList: { vi: "Hồ sơ sắp đến hạn", en: "Dossiers due soon" },
  "none-due-soon": { vi: "Không có hồ sơ sắp đến hạn.", en: "No dossier is due soon." },
  atRiskList: { vi: "Hồ sơ có nguy cơ trễ hạn", en: "Dossiers at risk of being late" },
  atRiskHint: {
    vi: "Dự báo từ thời gian các bước đã dùng và lịch sử xử lý của đơn vị; xếp theo khả năng trễ hạn, cao nhất trước.",
    en: "Forecast from the time the steps have used and the unit's past dossiers; ranked by the likelihood of lateness, highest first.",
  },
  "none-at-risk": { vi: "Không có hồ sơ có nguy cơ trễ hạn.", en: "No dossier is at risk of being late." },
  probability: { vi: "Khả năng trễ hạn", en: "Likelihood of lateness" },
  riskReason: { vi: "Lý do chính", en: "Main reason" },
  escalation: { vi: "Cấp báo cáo", en: "Escalation" },
  escalationLevel: { vi: "Cấp {n}", en: "Level {n}" },
  updated: { vi: "Số liệu đã cập nhật lúc {time}.", en: "Figures updated at {time}." },
  signedOut: { vi: "Phiên đăng nhập đã hết hạn hoặc mã không hợp lệ. Vui lòng đăng nhập lại.", en: "The session expired or the token is not valid. Please sign in again." },
  forbidden: { vi: "Tài khoản này không được xem số liệu của đơn vị này.", en: "This account may not see this unit's figures." },
  failed: { vi: "Chưa tải được số liệu. Sẽ thử lại.", en: "The figures could not be loaded. Retrying." },
  badDate: { vi: "Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy, ví dụ 01/03/2026.", en: "Invalid date: enter it as dd/mm/yyyy, e.g. 01/03/2026." },
  badPeriod: { vi: "Kỳ báo cáo không hợp lệ: ngày bắt đầu phải trước ngày kết thúc, tối đa 366 ngày.", en: "Invalid period: the start must come before the end, 366 days at most." },
  unitRequired: { vi: "Lãnh đạo phải chọn đơn vị của mình.", en: "A leader must pick their unit." },
  exportFailed: { vi: "Không tải được tệp báo cáo.", en: "The report file could not be downloaded." },
  signInFailed: { vi: "Không đăng nhập được.", en: "Signing in failed." },
  switchTo: { vi: "English", en: "Tiếng Việt" },
  ...SIGN_IN_TEXT,
};

export function currentLang() {
  return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "vi";
}

export function setLang(lang) {
  localStorage.setItem(STORAGE_KEY, lang);
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const entry = TEXT[key];
  const text = entry ? entry[currentLang()] : key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** Puts the current language on the page: <html lang>, the title, every [data-i18n] element and the toggle. */
export function applyLanguage() {
  const lang = currentLang();
  document.documentElement.lang = lang;
  document.title = t("pageTitle");
  for (const node of document.querySelectorAll("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n);
  }
  const toggle = document.getElementById("lang-toggle");
  toggle.textContent = t("switchTo");
  // The button names the other language in that language.
  toggle.lang = lang === "vi" ? "en" : "vi";
}

/** Numbers and percentages written the way each language writes them. */
export function formatNumber(value) {
  return new Intl.NumberFormat(currentLang() === "vi" ? "vi-VN" : "en-GB").format(value);
}

export function formatPercent(rate) {
  if (rate === null || rate === undefined) return "—";
  return new Intl.NumberFormat(currentLang() === "vi" ? "vi-VN" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(rate);
}
