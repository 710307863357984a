/** `nhsai ask` as operators and the acceptance checks drive it: a spawned process, as the README documents it. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inSomeSeed } from "../helpers/seed-captures.js";

const cli = join(import.meta.dirname, "..", "..", "dist", "adapters", "cli", "nhsai.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 15_000 });

describe("nhsai ask --json", () => {
  it("prints exactly one JSON document with the contract's fields, and exits 0", () => {
    const { status, stdout } = run("ask", "How much AI funding is going to NHS trusts for lung cancer?", "--json");
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer).sort()).toEqual(["abstained", "answer", "citations", "confidence", "question"]);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/£\s?21\s?m/);
    expect(answer.confidence).toBeGreaterThan(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      expect(Object.keys(c).sort()).toEqual(["documentId", "published", "publisher", "quote", "title", "url"]);
      expect(inSomeSeed(c.quote)).toBe(true);
    }
  });

  it("abstains honestly with no citations, and still exits 0", () => {
    const { status, stdout } = run("ask", "Who is the chief executive of OpenAI?", "--json");
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ question: "Who is the chief executive of OpenAI?", abstained: true, citations: [] });
    expect(answer.answer).toMatch(/\bhelp\b|\btopics\b/);
    expect(answer.answer).not.toMatch(/Sam Altman/i);
  });

  it("refuses a clinical question with a pointer to proper clinical sources", () => {
    const { status, stdout } = run("ask", "What dose of paracetamol should I take for a headache?", "--json");
    expect(status).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ abstained: true, citations: [] });
    expect(answer.answer).toMatch(/NHS 111|nhs\.uk|NICE|BNF/);
  });

  it("prints the answer and its cited source as plain text without --json", () => {
    const { status, stdout, stderr } = run("ask", "How much AI funding is going to NHS trusts for lung cancer?");
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/£\s?21\s?m/);
    expect(stdout).toContain("National Health Executive");
    expect(() => JSON.parse(stdout)).toThrow();
  });
});

describe("bad usage exits 2 with the reason on stderr", () => {
  it.each([
    [["ask"], /give a question/],
    [["ask", "What?", "--jsn"], /Unknown option/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("nhsai %j", (args, reason) => {
    const { status, stdout, stderr } = run(...args);
    expect(status).toBe(2);
    expect(stderr).toMatch(reason);
    expect(stdout).toBe("");
  });
});
