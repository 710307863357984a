/**
 * The digest is honest about age: its items are what the channel has not been sent, the intro
 * says how many and how recent the newest is, an undated story counts from the day it was added
 * and says so, and `since` uses the same rule.
 */

import { describe, expect, it } from "vitest";
import { buildDigest } from "../../src/briefings/build-digest.js";
import { libraryOf, makeDocument, onDay, paragraphs } from "../helpers/factories.js";

const DEC_3 = new Date("2026-12-03T07:30:00Z");

const dated = (id: string, day: string, title: string) =>
  makeDocument({
    id,
    title,
    published: onDay(day),
    addedAt: "2026-11-20T09:00:00.000Z",
    paragraphs: paragraphs(`${title} was announced by the trust board this week after a long review of the options.`),
  });

const oldNews = [
  dated("epr", "2023-02-14", "Northfield trust signs electronic patient record deal"),
  dated("app", "2024-08-18", "Patients order repeat prescriptions through the app"),
  dated("scribe", "2024-03-05", "Ambient scribe pilot starts in three practices"),
];

describe("an honest digest", () => {
  it("never calls old news new: it says how many the channel hasn't had and how recent the newest is", () => {
    const digest = buildDigest(libraryOf(...oldNews), DEC_3);
    expect(digest.intro).toMatch(/^3 stories you haven't had here, the newest from 18 August 2024, led by “Patients/);
    expect(digest.intro).not.toMatch(/\bnew\b/i);
  });

  it("ranks an undated story by the day it was added, above older dated news, and shows that day", () => {
    const undated = makeDocument({
      id: "attack",
      title: "Pathology supplier hit by ransomware attack",
      published: null,
      addedAt: "2026-12-03T06:10:00.000Z",
      paragraphs: paragraphs("A ransomware attack on a pathology supplier has disrupted blood tests at two trusts."),
    });
    const digest = buildDigest(libraryOf(...oldNews, undated), DEC_3);
    expect(digest.items[0]?.documentId).toBe("attack");
    expect(digest.items[0]?.publishedLabel).toBe("added 3 December 2026");
    expect(digest.intro).toMatch(/^4 stories you haven't had here, the newest added 3 December 2026/);
  });

  it("applies the same rule to --since: old dated news is out, an undated story added since is in, labelled as added", () => {
    const undatedOld = makeDocument({
      id: "strategy",
      title: "A national strategy for AI in health is drafted",
      published: null,
      addedAt: "2026-11-23T07:00:00.000Z",
    });
    const digest = buildDigest(libraryOf(...oldNews, undatedOld), DEC_3, new Set(), { since: "2025-01-01" });
    expect(digest.items.map((i) => i.documentId)).toEqual(["strategy"]);
    expect(digest.intro).toBe(
      "1 story since 1 January 2025 you haven't had here, added 23 November 2026: “A national strategy for AI in health is drafted”.",
    );
  });

  it("leaves out what the channel was sent and says so when nothing is left", () => {
    const digest = buildDigest(libraryOf(...oldNews), DEC_3, new Set(["epr", "app", "scribe"]));
    expect(digest.items).toEqual([]);
    expect(digest.intro).toBe("No stories that you haven't had here.");
  });

  it("weighs a sum in any currency: a $412.66 million contract leads a same-day story without one", () => {
    const day = "2026-11-30";
    const plain = dated("plain", day, "Trust publishes its digital strategy for next year");
    const contract = dated("contract", day, "Data platform contract awarded");
    contract.paragraphs = paragraphs(
      "NHS England has awarded a $412.66 million contract for a federated data platform.",
    );
    const digest = buildDigest(libraryOf(plain, contract), DEC_3);
    expect(digest.items.map((i) => i.documentId)).toEqual(["contract", "plain"]);
  });
});

describe("list glyphs", () => {
  it("never open a summary, even in a document stored before lists became structure", () => {
    const old = makeDocument({
      id: "old-list",
      title: "Integrated care systems report benefits of going paperless",
      published: onDay("2026-11-30"),
      paragraphs: paragraphs(
        "• • Many integrated care systems have begun to see benefits from their frontline digitisation programme, such as freeing up staff time.",
      ),
    });
    const [item] = buildDigest(libraryOf(old), DEC_3).items;
    expect(item?.summary).toMatch(/^Many integrated care systems/);
  });
});

describe("summaries", () => {
  it("never run a standfirst without a full stop into the next sentence", () => {
    const doc = makeDocument({
      id: "appointment",
      title: "New chief executive for the national digital agency",
      published: onDay("2026-11-30"),
      paragraphs: paragraphs(
        "The Home Office's chief digital officer is leaving to lead the national digital agency as its chief executive",
        "The national digital agency has hired the Home Office's chief digital officer as chief executive to replace its interim leader.",
        "She will be at the helm of the agency's programmes, from the national spine to electronic prescriptions.",
      ),
    });
    const [item] = buildDigest(libraryOf(doc), DEC_3).items;
    expect(item?.summary).not.toMatch(/chief executive The national/);
  });
});
