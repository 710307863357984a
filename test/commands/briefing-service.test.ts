import { describe, expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import { plainRuns, type Reply } from "../../src/reply.js";
import { FIXED_NOW, libraryOf, makeDocument, onDay, paragraphs, seedLibrary } from "../helpers/factories.js";

const service = new BriefingService(seedLibrary());
const ctx = { now: FIXED_NOW };
const ask = (text: string) => service.handle(parseCommand(text), ctx);

/** Every piece of text in the reply, as a reader would see it without styling. */
function allText(reply: Reply): string {
  return reply.sections
    .flatMap((s) => [
      ...(s.heading ? [plainRuns(s.heading)] : []),
      ...s.blocks.map((b) =>
        b.type === "bullets" ? b.items.map((i) => plainRuns(i.runs)).join("\n") : plainRuns(b.runs),
      ),
    ])
    .join("\n");
}

describe("help", () => {
  it("lists every command with an example", async () => {
    const reply = await ask("help");
    expect(reply.kind).toBe("help");
    const commands = reply.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.type === "bullets" ? b.items.map((i) => i.runs[0]?.text) : [])),
    );
    for (const name of ["digest", "funding", "topics", "sources", "about", "help"]) expect(commands).toContain(name);
    expect(commands.some((c) => c?.startsWith("ask "))).toBe(true);
  });
});

describe("a digest for a word that is not a topic", () => {
  it("says so and lists the topics, rather than guessing a command", async () => {
    const reply = await ask("digest ambient");
    const text = allText(reply);
    expect(text).toContain("“ambient” is not a topic.");
    for (const id of ["funding", "workforce", "diagnostics"]) expect(text).toContain(id);
    expect(text).not.toMatch(/Did you mean/);
  });

  it("suggests the nearest topic when the word is a typo of one", async () => {
    expect(allText(await ask("digest fudning"))).toMatch(/“fudning” is not a topic\. Did you mean digest funding\?/);
  });
});

describe("topics and sources", () => {
  it("lists every topic with what it covers", async () => {
    const text = allText(await ask("topics"));
    for (const label of ["Funding", "Workforce", "Safety & security", "Regulation & ethics"])
      expect(text).toContain(label);
    expect(text).toMatch(/funding — Funding \(2 articles/);
  });

  it("lists every article, newest first, with its source and date", async () => {
    const text = allText(await ask("sources"));
    expect(text).toContain("5 articles, the newest from 2 July 2024 (1 undated).");
    const first = text.indexOf("What NHS tech and AI really need");
    const last = text.indexOf("NHSX sets out plans");
    expect(first).toBeGreaterThan(-1);
    expect(last).toBeGreaterThan(first);
    expect(text).toContain("National Health Executive, October 2023");
  });

  it("says what the bot is and is not", async () => {
    const text = allText(await ask("about"));
    expect(text).toMatch(/a bot \(not a person\)/);
    expect(text).toMatch(/not a clinical tool/);
  });
});

describe("a topic briefing", () => {
  it("gives cited facts and offers the rest", async () => {
    const reply = await ask("money");
    if (reply.kind !== "briefing") throw new Error(`got ${reply.kind}`);
    expect(reply.topic).toBe("funding");
    expect(reply.title).toBe("Funding: what the news says");
    const bullets = reply.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === "bullets" ? b.items : [])));
    expect(bullets.length).toBe(reply.shown);
    for (const bullet of bullets) {
      const citation = reply.citations[bullet.citation ?? -1];
      expect(citation?.quote).toBe(plainRuns(bullet.runs));
      expect(citation?.publishedLabel).toMatch(/\d{4}/);
    }
    if (reply.shown < reply.total)
      expect(reply.actions).toContainEqual({
        type: "show_more",
        label: `Show all ${reply.total}`,
        command: "funding all",
      });
  });

  it("shows everything with `all`", async () => {
    const reply = await ask("funding all");
    if (reply.kind !== "briefing") throw new Error(`got ${reply.kind}`);
    expect(reply.shown).toBe(reply.total);
    expect(reply.actions.some((a) => a.type === "show_more")).toBe(false);
  });

  it("says when a topic has no news, and lists the topics that have", async () => {
    const small = new BriefingService(
      libraryOf(
        makeDocument({
          id: "scanners",
          published: onDay("2026-11-02"),
          paragraphs: paragraphs("The government will invest £40m in new scanners for community diagnostic centres."),
        }),
      ),
    );
    const reply = await small.handle(parseCommand("ethics"), ctx);
    if (reply.kind !== "no_match") throw new Error(`got ${reply.kind}`);
    expect(reply.topic).toBe("regulation");
    expect(reply.suggestions).toEqual(expect.arrayContaining(["funding", "diagnostics"]));
    expect(allText(reply)).toContain("There's nothing on regulation & ethics in the library yet.");
    expect(allText(reply)).toMatch(/Topics with news: .*funding/);
  });
});

describe("the digest", () => {
  it("is the Coffee Time briefing for the day, leaving out what was already sent", async () => {
    const sent = new Set(["health-foundation-tech-ai-new-government"]);
    const reply = await service.handle({ kind: "digest", topic: null }, { now: FIXED_NOW, alreadySent: sent });
    if (reply.kind !== "digest") throw new Error(`got ${reply.kind}`);
    expect(reply.title).toBe("☕ Coffee Time Briefing — Monday 23 November 2026");
    expect(reply.digest.items.map((i) => i.documentId)).not.toContain("health-foundation-tech-ai-new-government");
    expect(reply.citations.map((c) => c.documentId)).toEqual(reply.digest.items.map((i) => i.documentId));
    expect(allText(reply)).toContain(reply.digest.intro);
  });
});

describe("questions", () => {
  it("answers from the library with a citation", async () => {
    const reply = await ask("How much is the new AI lung cancer funding?");
    if (reply.kind !== "answer") throw new Error(`got ${reply.kind}`);
    expect(reply.abstained).toBe(false);
    expect(allText(reply)).toMatch(/£21m/);
    expect(reply.citations[0]?.publishedLabel).toBe("October 2023");
    expect(reply.actions.map((a) => a.type)).toContain("feedback");
  });

  it("refuses clinical questions", async () => {
    const reply = await ask("What dose of amoxicillin should I take?");
    if (reply.kind !== "answer") throw new Error(`got ${reply.kind}`);
    expect(reply.abstained).toBe(true);
    expect(reply.citations).toEqual([]);
    expect(allText(reply)).toMatch(/NHS 111/);
  });
});

describe("input the bot cannot take as it stands", () => {
  it("suggests the nearest command", async () => {
    const reply = await ask("fundng");
    expect(reply).toMatchObject({ kind: "unknown_command", input: "fundng", suggestion: "funding" });
    expect(allText(reply)).toContain("Did you mean funding?");
    // …and the help list, so the asker sees every command without another round trip.
    for (const name of ["digest", "topics", "sources", "about", "help"]) expect(allText(reply)).toContain(name);
  });

  it("refuses over-long input and says the limit", async () => {
    const reply = await ask("x".repeat(1200));
    expect(reply.kind).toBe("text");
    expect(allText(reply)).toContain("That message is 1,200 characters long. I read up to 500 characters");
  });
});

describe("the reply model is platform-neutral", () => {
  it.each([
    "help",
    "topics",
    "sources",
    "about",
    "digest",
    "funding",
    "fundng",
    "Who wrote the Health Foundation article?",
  ])("%s carries no Slack, Teams or Markdown syntax", async (input) => {
    const json = JSON.stringify(await ask(input));
    expect(json).not.toMatch(
      /mrkdwn|"type":"(section|context|actions|divider|TextBlock|AdaptiveCard)"|<https?:|<!|<@|\*\*/,
    );
  });
});
