/**
 * Round 8 of the reader (issue #16): rules written on writers k and l's training and validation
 * pages (57 real pages from nursing, pharmacy and dental press, trusts', ICBs' and charities' own
 * sites, none read by a reading rule before). Each case is a real published page captured with its
 * chrome (test/fixtures/corpus/captures/, truth in articles-<writer>.json) that the reader got wrong
 * before its rule existed; made-up look-alikes beside them must stay refused.
 */

import { describe, expect, it } from "vitest";
import { readTextCapture } from "../../src/ingest/read-text.js";
import { readCapture } from "./corpus-captures.js";

/** What the reader makes of a made-up capture (a look-alike no real page showed). */
function read(lines: string[], url: string | null = null) {
  const result = readTextCapture(lines.join("\n"), { url });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

/** Body text long enough to be an article, about nobody. */
const BODY = [
  "The trust said the new system would be rolled out to every ward over the next two years, starting with the busiest medical wards.",
  "Staff were trained in small groups and the board will review how the system is used after the first six months of the roll-out.",
  "Patients will be able to see their results in the app, and the trust expects fewer calls to its switchboard as a result of the change.",
];

describe("names invented on k and l's pages", () => {
  it("takes no writer from a report's 'Eleventh Special Report of Session …' line under the headline", () => {
    expect(readCapture("l-parliament-hscc-digital-transformation-response.txt").value.authors).not.toContain(
      "Eleventh Special",
    );
  });

  it("takes no writer from the speaker of a film ('In this short film, … Dr X explains why …')", () => {
    expect(readCapture("l-bsw-icb-integrated-care-records.txt").value.authors).toEqual([]);
  });

  it.each([
    ["a podcast's guest", "In this podcast, Dr Jane Halloran explains how the trust cut its waiting lists."],
    ["a video's speaker", "Watch the video: Jane Halloran reflects on a year of virtual wards."],
  ])("refuses %s as a look-alike", (_, line) => {
    expect(read(["Trust rolls out new patient record system", line, ...BODY]).authors).toEqual([]);
  });

  it("still takes the writer a standfirst names with a writer's verb", () => {
    expect(
      read([
        "Trust rolls out new patient record system",
        "In this blog, Jane Halloran explains how the trust cut its waiting lists.",
        ...BODY,
      ]).authors,
    ).toEqual(["Jane Halloran"]);
  });

  it("still takes a name and a job under the headline, but not a name and a document's part", () => {
    expect(read(["Trust rolls out new patient record system", "Mark Say Managing Editor", ...BODY]).authors).toEqual([
      "Mark Say",
    ]);
    expect(
      read(["Trust rolls out new patient record system", "Twelfth Annual Report of Session 2023–24", ...BODY]).authors,
    ).toEqual([]);
  });
});
