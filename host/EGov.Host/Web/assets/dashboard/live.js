// Live figures. The stream (text/event-stream) is read with fetch and a ReadableStream because EventSource cannot
// send the Authorization header; when the stream cannot be had or breaks, GET /api/v1/statistics every 5 s.
import { authFetch } from "./session.js";

export const POLL_MILLISECONDS = 5000;

/** Splits one server-sent-events frame into its event name and data (data lines joined by newlines). */
export function parseFrame(frame) {
  let event = "message";
  const data = [];
  for (const line of frame.split(/\r?\n/)) {
    if (line === "" || line.startsWith(":")) continue; // comments are keep-alives
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return { event, data: data.join("\n") };
}

class Refused extends Error {
  constructor(response) {
    super(`answered ${response.status}`);
    this.response = response;
  }
}

/**
 * Follows the statistics for a query string (unit, from, to) until the returned function is called.
 * handlers: report(report), mode("live" | "polling"), refused(response) for 400/401/403, failed() for a failed poll.
 */
export function follow(query, handlers) {
  const controller = new AbortController();
  let timer = null;
  let stopped = false;

  async function stream() {
    const response = await authFetch(`/api/v1/statistics/stream?${query}`, {
      signal: controller.signal,
      headers: { accept: "text/event-stream" },
    });
    if ([400, 401, 403].includes(response.status)) throw new Refused(response);
    if (!response.ok || !response.body) throw new Error(`the stream answered ${response.status}`);
    handlers.mode("live");
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended");
      buffer += value;
      let end;
      while ((end = /\r?\n\r?\n/.exec(buffer)) !== null) {
        const frame = parseFrame(buffer.slice(0, end.index));
        buffer = buffer.slice(end.index + end[0].length);
        if (frame.event === "statistics" && frame.data) handlers.report(JSON.parse(frame.data));
      }
    }
  }

  async function poll() {
    try {
      const response = await authFetch(`/api/v1/statistics?${query}`, { signal: controller.signal, headers: { accept: "application/json" } });
      if ([400, 401, 403].includes(response.status)) throw new Refused(response);
      if (response.ok) handlers.report(await response.json());
      else handlers.failed();
    } catch (error) {
      if (stopped) return;
      if (error instanceof Refused) return handlers.refused(error.response);
      handlers.failed();
    }
    if (!stopped) timer = setTimeout(poll, POLL_MILLISECONDS);
  }

  stream().catch((error) => {
    if (stopped) return;
    if (error instanceof Refused) return handlers.refused(error.response);
    handlers.mode("polling");
    poll();
  });

  return () => {
    stopped = true;
    controller.abort();
    clearTimeout(timer);
  };
}
