// Status words for a citizen: what happened and what comes next, in plain language (the officers' terms are in
// shared/format.js STATUS; a citizen reads "more documents needed", not "supplement requested").

export const PLAIN_STATUS = {
  Submitted: { vi: "Đã gửi, đang chờ cơ quan tiếp nhận", en: "Sent, waiting to be received by the office" },
  Received: { vi: "Đã được tiếp nhận", en: "Received by the office" },
  Processing: { vi: "Đang được giải quyết", en: "Being processed" },
  SupplementRequested: { vi: "Cần bổ sung giấy tờ", en: "More documents needed" },
  AwaitingFee: { vi: "Chờ nộp phí, lệ phí", en: "Waiting for the fee to be paid" },
  Approved: { vi: "Đã được duyệt, đang chuẩn bị kết quả", en: "Approved, the result is being prepared" },
  ResultReady: { vi: "Đã có kết quả, mời nhận", en: "The result is ready" },
  Delivered: { vi: "Đã trả kết quả", en: "The result has been delivered" },
  Refused: { vi: "Không được tiếp nhận", en: "Not accepted" },
  Rejected: { vi: "Không được giải quyết", en: "Refused after review" },
  Withdrawn: { vi: "Đã rút hồ sơ", en: "Withdrawn" },
  Stopped: { vi: "Đã dừng xử lý", en: "Processing stopped" },
};

export function plainStatus(status) {
  return PLAIN_STATUS[status] ?? { vi: status, en: status };
}

const CLOSED = new Set(["Refused", "Rejected", "Withdrawn", "Stopped"]);

/**
 * The next thing the citizen can do. On the dossier page `actions` is the API's availableActions (exactly what they
 * may do now); in the list, which has no actions, the status alone says it.
 */
export function nextStep(status, actions = null) {
  const can = (a) => (actions ? actions.includes(a) : false);
  if (can("supplement") || (!actions && status === "SupplementRequested")) {
    return { key: "supplement", vi: "Bổ sung giấy tờ theo yêu cầu của cơ quan.", en: "Send the documents the office asked for." };
  }
  if (can("rate")) {
    return { key: "rate", vi: "Đánh giá mức độ hài lòng với dịch vụ.", en: "Tell us how satisfied you are with the service." };
  }
  // The list's rows do not say whether the citizen has rated (NEEDS-portal.md): the row says both.
  if (!actions && status === "Delivered") {
    return { key: "rate", vi: "Xem kết quả và đánh giá dịch vụ nếu bạn chưa đánh giá.", en: "See the result, and rate the service if you have not yet." };
  }
  if (status === "ResultReady") {
    return { key: "collect", vi: "Tải kết quả về hoặc nhận tại Bộ phận Một cửa.", en: "Download the result or collect it at the one-stop desk." };
  }
  if (status === "AwaitingFee") {
    return { key: "fee", vi: "Nộp phí, lệ phí tại Bộ phận Một cửa (chưa có thanh toán trực tuyến).", en: "Pay the fee at the one-stop desk (online payment is not available yet)." };
  }
  if (status === "Delivered") {
    return { key: "done", vi: "Đã xong. Cảm ơn bạn đã sử dụng dịch vụ.", en: "All done. Thank you for using the service." };
  }
  if (CLOSED.has(status)) {
    return { key: "closed", vi: "Hồ sơ đã kết thúc.", en: "The dossier is closed." };
  }
  if (status === "Submitted") {
    return { key: "wait", vi: "Bạn chưa cần làm gì: cơ quan sẽ kiểm tra và tiếp nhận hồ sơ.", en: "Nothing to do yet: the office will check and receive your dossier." };
  }
  return { key: "wait", vi: "Bạn chưa cần làm gì: hồ sơ đang được giải quyết.", en: "Nothing to do yet: your dossier is being processed." };
}
