/** FEEDS=starter follows the starter list of public NHS and health-tech feeds; unset follows nothing. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { starterFeeds } from "../../src/ingest/starter-feeds.js";
import { ROOT } from "../helpers/factories.js";

describe("the starter feeds", () => {
  const verified = starterFeeds().filter((f) => f.verified);

  it("FEEDS=starter follows every verified feed, on public https addresses", () => {
    const { FEEDS } = loadConfig({ FEEDS: "starter" });
    expect(FEEDS).toEqual(verified.map((f) => f.url));
    expect(FEEDS.length).toBeGreaterThanOrEqual(8);
    for (const url of FEEDS) expect(new URL(url).protocol).toBe("https:");
    expect(FEEDS).toContain("https://www.england.nhs.uk/feed/");
  });

  it("takes starter beside other URLs, each URL once", () => {
    const own = "https://intranet.example.nhs.uk/news.xml";
    const { FEEDS } = loadConfig({ FEEDS: `${own}, Starter, https://htn.co.uk/feed/` });
    expect(FEEDS[0]).toBe(own);
    expect(FEEDS.filter((u) => u === "https://htn.co.uk/feed/")).toHaveLength(1);
    expect(FEEDS).toHaveLength(verified.length + 1);
  });

  it("follows nothing when FEEDS is unset or empty, and refuses a word it does not know", () => {
    expect(loadConfig({}).FEEDS).toEqual([]);
    expect(loadConfig({ FEEDS: "" }).FEEDS).toEqual([]);
    expect(() => loadConfig({ FEEDS: "starters" })).toThrow(/FEEDS must list http\(s\) URLs \(or the word "starter"\)/);
  });

  it("lists the outlets an NHS digital team reads, marking the ones whose feed address is unconfirmed", () => {
    const names = starterFeeds().map((f) => f.name);
    for (const outlet of [
      "NHS England",
      "Department of Health and Social Care",
      "NHS Transformation Directorate",
      "Digital Health",
      "HTN",
      "King's Fund",
      "Health Foundation",
      "Nuffield Trust",
      "NHS Confederation",
    ])
      expect(
        names.some((n) => n.includes(outlet)),
        outlet,
      ).toBe(true);
    expect(starterFeeds().filter((f) => !f.verified).length).toBeGreaterThan(0);
  });

  it("is switched on by the Docker image and the example environment", () => {
    expect(readFileSync(join(ROOT, "Dockerfile"), "utf8")).toMatch(/^ENV .*\bFEEDS=starter\b/m);
    expect(readFileSync(join(ROOT, ".env.example"), "utf8")).toMatch(/^FEEDS=starter$/m);
  });
});
