/** EDITORS, REVIEW_LEAD_MINUTES and REVIEW_UNANSWERED: defaults, and one line naming a bad value. */

import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("review settings", () => {
  it("default to no editors, drafts 60 minutes before the slot, and holding what nobody approved", () => {
    const config = loadConfig({});
    expect([...config.EDITORS]).toEqual([]);
    expect(config.REVIEW_LEAD_MINUTES).toBe(60);
    expect(config.REVIEW_UNANSWERED).toBe("hold");
  });

  it("read editors in the ADMINS format, and the other two as given", () => {
    const config = loadConfig({
      EDITORS: "slack:U0123ABC, teams:29:1abc ,",
      REVIEW_LEAD_MINUTES: "90",
      REVIEW_UNANSWERED: "post",
    });
    expect([...config.EDITORS]).toEqual(["slack:U0123ABC", "teams:29:1abc"]);
    expect(config.REVIEW_LEAD_MINUTES).toBe(90);
    expect(config.REVIEW_UNANSWERED).toBe("post");
  });

  it.each([
    [{ EDITORS: "U0123ABC" }, /^EDITORS must list people as slack:<user id> or teams:<user id>/],
    [{ EDITORS: "slack:U1, alex@example.nhs.uk" }, /^EDITORS must list people/],
    [{ REVIEW_LEAD_MINUTES: "an hour" }, /^REVIEW_LEAD_MINUTES must be a whole number of minutes \(got "an hour"\)/],
    [{ REVIEW_LEAD_MINUTES: "2" }, /^REVIEW_LEAD_MINUTES must be 5 to 720 minutes/],
    [{ REVIEW_UNANSWERED: "skip" }, /^REVIEW_UNANSWERED must be hold or post \(got "skip"\)/],
  ])("refuses %j in one line", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
