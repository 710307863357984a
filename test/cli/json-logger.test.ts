import { describe, expect, it } from "vitest";
import { createJsonLogger } from "../../adapters/cli/json-logger.js";

function capture(level: string | undefined) {
  const lines: string[] = [];
  const log = createJsonLogger(
    (l) => lines.push(l),
    level,
    () => new Date("2026-11-23T09:00:00Z"),
  );
  return { log, lines };
}

describe("the process logger", () => {
  it("writes one JSON line per event at or above LOG_LEVEL", () => {
    const { log, lines } = capture("warn");
    log.info("skipped");
    log.warn("slack.rate_limited", { channel: "C1", retryAfter: 2 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toEqual({
      time: "2026-11-23T09:00:00.000Z",
      level: "warn",
      event: "slack.rate_limited",
      channel: "C1",
      retryAfter: 2,
    });
  });

  it("masks tokens, JWTs, bearer headers and e-mail addresses that reach a log by mistake", () => {
    const { log, lines } = capture("debug");
    log.error("oops", {
      detail: "xoxb-123-abc xapp-1-A eyJhbGciOi.eyJzdWIiOi.sig Bearer abc.def someone@nhs.net",
    });
    const line = lines.join("");
    expect(line).not.toMatch(/xoxb-|xapp-|eyJ|Bearer abc|@nhs\.net/);
    expect(line.match(/\[redacted\]/g)).toHaveLength(5);
  });
});
