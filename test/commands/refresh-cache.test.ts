/** A held article's corrected metadata reaches topic briefings built before the correction. */

import { expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import { FIXED_NOW, libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";

it("builds a topic briefing again once a held article's title or publisher is corrected", async () => {
  const doc = makeDocument({
    id: "fund",
    title: "Search the website",
    publisher: null,
    published: onDay("2026-11-01"),
    paragraphs: paragraphs("NHS trusts will share £21m of AI funding to speed up lung cancer diagnosis."),
  });
  const library = libraryOf(doc);
  const service = new BriefingService(library);
  const funding = () => service.handle({ kind: "briefing", topic: "funding", all: false }, { now: FIXED_NOW });
  const before = await funding();
  expect(before.citations[0]?.title).toBe("Search the website");
  library.update({ ...doc, title: "Trusts share £21m for AI lung cancer diagnosis", publisher: "Health Bulletin" });
  const after = await funding();
  expect(after.citations[0]).toMatchObject({
    title: "Trusts share £21m for AI lung cancer diagnosis",
    publisher: "Health Bulletin",
  });
});
