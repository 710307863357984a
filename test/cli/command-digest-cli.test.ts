import { describe, expect, it } from "vitest";
import { runNhsai } from "../helpers/factories.js";

describe("nhsai command", () => {
  it("--json prints one reply document and nothing else", async () => {
    const { code, stdout, stderr } = await runNhsai(["command", "funding", "--json"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const reply = JSON.parse(stdout);
    expect(reply).toMatchObject({ kind: "briefing", topic: "funding", title: "Funding: what the news says" });
    expect(Array.isArray(reply.sections)).toBe(true);
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(reply.citations[0]).toEqual(
      expect.objectContaining({
        documentId: expect.any(String),
        quote: expect.any(String),
        publishedLabel: expect.any(String),
      }),
    );
  });

  it("prints a reply as text, and suggests the nearest command for a typo (still exit 0)", async () => {
    const { code, stdout } = await runNhsai(["command", "fundng"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Did you mean `funding`?");
  });

  it("answers a question", async () => {
    const { code, stdout } = await runNhsai(["command", "Who hosted the roundtable on AI deployment?"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Steve Barclay");
    expect(stdout).toMatch(/^Source: /m);
  });

  it("refuses an unknown flag with exit 2", async () => {
    const { code, stderr } = await runNhsai(["command", "funding", "--yaml"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^nhsai command: /);
  });
});

describe("nhsai digest", () => {
  it("prints the Coffee Time briefing for today", async () => {
    const { code, stdout } = await runNhsai(["digest"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^☕ Coffee Time Briefing — (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]+ \d{4}\n/,
    );
    expect(stdout).toContain("National Health Executive · October 2023");
  });

  it("--json prints the digest shape", async () => {
    const { code, stdout } = await runNhsai(["digest", "--json"]);
    expect(code).toBe(0);
    const digest = JSON.parse(stdout);
    expect(Object.keys(digest)).toEqual(expect.arrayContaining(["title", "date", "intro", "items"]));
    expect(digest.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(digest.items).toHaveLength(5);
    for (const item of digest.items)
      expect(Object.keys(item)).toEqual(
        expect.arrayContaining(["documentId", "headline", "summary", "publisher", "published", "url", "topics"]),
      );
  });

  it("--format json is the same as --json", async () => {
    const { stdout } = await runNhsai(["digest", "--format", "json", "--topic", "money"]);
    const digest = JSON.parse(stdout);
    expect(digest.topic).toBe("funding");
    expect(digest.items.map((i: { documentId: string }) => i.documentId)).toContain("nhe-21m-ai-lung-cancer");
    expect(digest.items.map((i: { documentId: string }) => i.documentId)).not.toContain("improvewell-nhs-ai-tsar");
  });

  it("--format slack prints the Block Kit messages a channel post would carry", async () => {
    const { code, stdout } = await runNhsai(["digest", "--format", "slack", "--topic", "funding"]);
    expect(code).toBe(0);
    const messages = JSON.parse(stdout) as { text: string; blocks: { type: string; text?: { text: string } }[] }[];
    expect(messages.length).toBeGreaterThanOrEqual(1);
    expect(messages[0]?.blocks[0]?.type).toBe("header");
    expect(messages[0]?.text).toMatch(/Coffee Time Briefing/);
    expect(JSON.stringify(messages)).toContain("£21m");
  });

  it("--since leaves out older stories", async () => {
    const { stdout } = await runNhsai(["digest", "--since", "2024-01-01", "--json"]);
    const digest = JSON.parse(stdout);
    expect(digest.since).toBe("2024-01-01");
    const dated = digest.items.filter((i: { published: string | null }) => i.published !== null);
    expect(dated.map((i: { published: string }) => i.published)).toEqual(["2024-07-02", "2024-04"]);
  });

  it.each([
    [["--format", "xml"], /--format must be one of text, json, slack, teams/],
    [["--topic", "zebras"], /unknown topic "zebras"/],
    [["--since", "2024-13-01"], /--since must be a date as YYYY-MM-DD/],
    [["--since", "yesterday"], /--since must be a date as YYYY-MM-DD/],
    [["funding"], /for one topic use --topic/],
  ])("%j is bad usage: exit 2 with the reason", async (args, reason) => {
    const { code, stdout, stderr } = await runNhsai(["digest", ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(reason);
  });
});
