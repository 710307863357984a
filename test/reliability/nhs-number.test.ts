/**
 * Check 25's NHS numbers: one typed into chat is neither echoed back, nor posted, nor kept in the
 * store (conversation memory included). Property tests over the redaction with generated valid
 * numbers, then a Slack DM and slash command end to end with the whole store file searched.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNhsNumber, NHS_NUMBER_REMOVED, redactNhsNumbers } from "../../src/text/redact-nhs-number.js";
import { type FakeSlack, startFakeSlack } from "../slack/fake-slack.js";
import { type RunningSlackApp, startSlackApp } from "../slack/slack-app.js";
import { commandBody, dmEvent, eventBody, postSigned } from "../slack/slack-requests.js";
import { hostileSeed } from "./hostile-corpus.js";

const seed = hostileSeed("nhs-number");

/** A valid NHS number: nine digits and the modulus 11 check digit (retried when it would be 10). */
const nhsNumber = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((digits) => {
    const check = 11 - (digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11);
    return check === 10 ? null : `${digits.join("")}${check === 11 ? 0 : check}`;
  })
  .filter((n): n is string => n !== null);

const written = (digits: string, separator: string) =>
  `${digits.slice(0, 3)}${separator}${digits.slice(3, 6)}${separator}${digits.slice(6)}`;

describe("redactNhsNumbers", () => {
  it(`removes any valid NHS number, however grouped, from any text (fast-check, seed ${seed})`, () => {
    fc.assert(
      fc.property(nhsNumber, fc.constantFrom("", " ", "-"), fc.string(), fc.string(), (digits, sep, before, after) => {
        const text = `${before} ${written(digits, sep)} ${after}`;
        const redacted = redactNhsNumbers(text);
        expect(redacted.replace(/\D/g, "")).not.toContain(digits);
        expect(redacted).toContain(NHS_NUMBER_REMOVED);
      }),
      { seed, numRuns: 300 },
    );
  });

  it("leaves phone numbers, sums, years and numbers failing the check alone", () => {
    for (const text of [
      "call 020 7946 0958",
      "£9434765919 was spent",
      "9434765918 fails the check",
      "in 2026 and 2027",
      "1,943,476,591 people",
      "version 943.476.5919",
    ])
      expect(redactNhsNumbers(text)).toBe(text);
    expect(isNhsNumber("9434765919")).toBe(true);
    expect(isNhsNumber("9434765918")).toBe(false);
  });
});

describe("an NHS number typed to the bot in Slack", () => {
  let fake: FakeSlack;
  let app: RunningSlackApp;
  beforeAll(async () => {
    fake = await startFakeSlack();
    app = await startSlackApp(fake);
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  it("is neither echoed, posted nor stored", async () => {
    const ack = await postSigned(app.url, commandBody("patient 943 476 5919 records", fake.responseUrl("n1")));
    expect(ack.status).toBe(200);
    const postsBefore = fake.posts().length;
    expect((await postSigned(app.url, eventBody(dmEvent("what about NHS number 9434765919?")))).status).toBe(200);
    await fake.waitFor(() => fake.posts().length > postsBefore);
    const everything = `${ack.text}${JSON.stringify(fake.calls)}${JSON.stringify(fake.responses)}${app.logs()}`;
    expect(everything).toContain(NHS_NUMBER_REMOVED);
    expect(everything.replace(/[\s-]/g, "")).not.toContain("9434765919");
    const file = ["nhsai.db", "nhsai.db-wal"]
      .map((name) => {
        try {
          return readFileSync(join(app.dataDir, name)).toString("latin1");
        } catch {
          return "";
        }
      })
      .join("");
    expect(file.length).toBeGreaterThan(0);
    expect(file).not.toMatch(/943[ -]?476[ -]?5919/);
  });
});
