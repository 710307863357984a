/**
 * The conversation at the terminal: the shell in-process (an injected clock), the real `nhsai`
 * process, and `nhsai ask --json` keeping its one JSON shape for intents.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { PROMPT, runShell } from "../../adapters/shell/shell.js";
import { BriefingService } from "../../src/briefing-service.js";
import { type ConversationMemory, processMemory } from "../../src/conversation/memory.js";
import { FIXED_NOW, ROOT, runNhsai, seedLibrary } from "../helpers/factories.js";

const MINUTE = 60_000;
const QUESTION = "How much is the new AI lung cancer funding?";
const service = new BriefingService(seedLibrary());

/**
 * Runs a shell session on `lines`; `minutes[i]` is how far past FIXED_NOW line i is typed.
 * Returns each line's reply (the text between its prompt and the next).
 */
async function session(lines: string[], minutes: number[] = [], memory?: ConversationMemory) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  let reads = 0;
  // The first read dates the opening briefing; then one read per line typed.
  const now = () => new Date(FIXED_NOW.getTime() + (minutes[reads++ - 1] ?? 0) * MINUTE);
  const done = runShell({
    input,
    output,
    // Sessions never share a memory key, so they can share the facade; a given memory gets its own.
    service: memory ? new BriefingService(service.library, { memory }) : service,
    now,
    style: { width: 200, color: false },
    terminal: false,
  });
  input.end(lines.map((l) => `${l}\n`).join(""));
  expect(await done).toBe(0);
  const turns = text.split(PROMPT).slice(1);
  return lines.map((line, i) => (turns[i] ?? "").slice(line.length + 1));
}

describe("a conversation in the shell", () => {
  it("greets, thanks, and serves what's new, news on a topic and a summary", async () => {
    const [hello, thanks, whatsNew, cyber, summary] = await session([
      "hello",
      "ta!",
      "anything new this week?",
      "any news on cyber?",
      "summarise the charter article",
    ]);
    expect(hello).toMatch(/^Hello!\s+I brief NHS digital teams/);
    expect(thanks).toMatch(/welcome/);
    expect(whatsNew).toMatch(/^☕ Coffee Time Briefing/);
    expect(cyber).toMatch(/^Safety & security: what the news says/);
    expect(summary).toMatch(/Summary of “Incubator for AI and NHS England sign a Collaboration Charter/);
  });

  it("takes 'more' straight after the opening briefing as 'the next stories'", async () => {
    const [more] = await session(["more"]);
    expect(more).toMatch(/^☕ Coffee Time Briefing/);
    // The seed library's five stories were all in the opening briefing: none comes again.
    const opening = service.digest({ now: FIXED_NOW }).items;
    expect(opening).toHaveLength(5);
    for (const item of opening) expect(more).not.toContain(item.headline);
  });

  it("goes on with 'more' from the last answer, without repeating it", async () => {
    const [answer, more, again] = await session([QUESTION, "tell me more", "more"]);
    expect(answer).toMatch(/£21m/);
    expect(more).toMatch(/More from “New £21m AI investment/);
    expect(again).toMatch(/More from “New £21m AI investment|That's everything I can quote/);
    const bullets = (reply = "") => reply.split("\n").filter((l) => l.startsWith("• "));
    const shown = [...bullets(more), ...bullets(again)];
    expect(new Set(shown).size).toBe(shown.length);
    for (const line of shown) expect(answer).not.toContain(line.slice(2, 60));
  });

  it("forgets after 30 minutes, and a new session never sees another's memory", async () => {
    const [, soon, late] = await session([QUESTION, "more", "more"], [0, 29, 60]);
    expect(soon).toMatch(/More from/);
    expect(late).toMatch(/More about what\?/);
    const shared = processMemory();
    await session([QUESTION], [], shared);
    // The new session's "more" goes on from its own opening briefing, not the other's answer.
    const [other] = await session(["more"], [], shared);
    expect(other).toMatch(/^☕ Coffee Time Briefing/);
    expect(other).not.toMatch(/More from/);
  });
});

describe("the terminal as processes", () => {
  it("`nhsai`: a greeting, a question and 'more' in one session", async () => {
    const result = await runNhsai([], `hi\n${QUESTION}\ntell me more\n`);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const hello = result.stdout.indexOf("I brief NHS digital teams");
    const answer = result.stdout.indexOf("£21m", hello);
    const more = result.stdout.indexOf("More from “New £21m AI investment", answer);
    expect(hello).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(hello);
    expect(more).toBeGreaterThan(answer);
  });

  /** The seeds' raw text as the public scorer reads it, to check quotes are verbatim. */
  const norm = (s: string) =>
    s
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, "-")
      .replace(/\s+/g, " ")
      .toLowerCase();
  const raw = readdirSync(join(ROOT, "seeds", "raw")).map((f) =>
    norm(readFileSync(join(ROOT, "seeds", "raw", f), "utf8")),
  );
  const verbatim = (quote: string) =>
    norm(quote)
      .split(/\s*…\s*/)
      .every((part) => raw.some((text) => text.includes(part.replace(/^[\s"'.,;:-]+|[\s"'.,;:-]+$/g, ""))));

  it.each([
    ["thanks!", true],
    ["good morning", true],
    ["tell me more", true],
    ["what's new?", false],
    ["any news on funding?", false],
    ["summarise the lung cancer story", false],
  ])("`ask %j --json` is one JSON document (abstained: %s), every quote verbatim", async (question, abstained) => {
    const result = await runNhsai(["ask", question, "--json"]);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(Object.keys(answer).sort()).toEqual(["abstained", "answer", "citations", "confidence", "question"]);
    expect(answer.question).toBe(question);
    expect(answer.abstained).toBe(abstained);
    expect(typeof answer.answer).toBe("string");
    expect(answer.answer.length).toBeGreaterThan(10);
    if (abstained) expect(answer.citations).toEqual([]);
    else expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) expect(verbatim(citation.quote)).toBe(true);
  });
});
