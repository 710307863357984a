/** Topic briefings are built once per library state: the same until an article is added. */

import { describe, expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import { plainRuns } from "../../src/reply.js";
import { FIXED_NOW, libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";

const funding = (id: string, text: string, day: string) =>
  makeDocument({ id, paragraphs: paragraphs(text), published: onDay(day) });

describe("BriefingService topic briefings", () => {
  it("are built again once the library grows, and not before", async () => {
    const library = libraryOf(
      funding("a", "NHS trusts will share £21m of AI funding to speed up lung cancer diagnosis.", "2026-10-01"),
    );
    const service = new BriefingService(library);
    const fundingBriefing = () =>
      service.handle({ kind: "briefing", topic: "funding", all: false }, { now: FIXED_NOW });
    const first = await fundingBriefing();
    expect(await fundingBriefing()).toBe(first);
    library.add(
      funding("b", "The government announced £50m of new funding for NHS digital infrastructure.", "2026-11-01"),
    );
    const second = await fundingBriefing();
    expect(second).not.toBe(first);
    const bullets = second.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === "bullets" ? b.items : []));
    expect(bullets.map((i) => plainRuns(i.runs)).join(" ")).toContain("£50m");
  });
});
