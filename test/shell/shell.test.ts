import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { PROMPT, runShell } from "../../adapters/shell/shell.js";
import { BriefingService } from "../../src/briefing-service.js";
import { FIXED_NOW, runNhsai, seedLibrary } from "../helpers/factories.js";

/** Runs the shell in-process on `lines`, then ends the input (Ctrl-D). */
async function converse(lines: string[], service = new BriefingService(seedLibrary()), terminal = false) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  const errors: unknown[] = [];
  const done = runShell({
    input,
    output,
    service,
    now: () => FIXED_NOW,
    style: { width: 80, color: false },
    terminal,
    logError: (e) => errors.push(e),
  });
  if (terminal) {
    // Keys arrive one write at a time, as a person types them.
    for (const keys of lines) input.write(keys);
    input.end();
  } else input.end(lines.map((l) => `${l}\n`).join(""));
  const code = await done;
  return { code, text, errors };
}

describe("the shell, in-process with a fixed clock", () => {
  it("starts with today's briefing, then prompts", async () => {
    const { code, text } = await converse([]);
    expect(code).toBe(0);
    expect(text.startsWith("☕ Coffee Time Briefing — Monday 23 November 2026\n")).toBe(true);
    expect(text).toContain(`Ctrl-D or \`exit\` to leave.\n\n${PROMPT}`);
    expect(text.trimEnd().endsWith("Bye.")).toBe(true);
  });

  it("answers each line in turn, echoing piped input", async () => {
    const { text } = await converse(["topics", "/nhsai cyber", "fundng"]);
    const topics = text.indexOf(`${PROMPT}topics\nTopics I follow`);
    const cyber = text.indexOf(`${PROMPT}/nhsai cyber\nSafety & security: what the news says`);
    const typo = text.indexOf("Did you mean `funding`?");
    expect(topics).toBeGreaterThan(0);
    expect(cyber).toBeGreaterThan(topics);
    expect(typo).toBeGreaterThan(cyber);
  });

  it("echoes piped input without the escape sequences, bidi overrides or zero-width characters in it", async () => {
    const { text } = await converse(["\u001b]0;pwned\u0007\u001b[2Jfun\u200bding \u202etxt.exe\u202c"]);
    expect(text).toContain(`${PROMPT}funding txt.exe\n`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: it looks for control characters
    expect(text).not.toMatch(/[\u0007\u001b\u200b\u202c\u202e]/);
  });

  it("leaves on `exit` without reading further", async () => {
    const { code, text } = await converse(["exit", "topics"]);
    expect(code).toBe(0);
    expect(text).not.toContain("Topics I follow");
  });

  it("tells the user briefly when something breaks, logs the detail, and carries on", async () => {
    const service = new BriefingService(seedLibrary());
    const broken = Object.assign(Object.create(Object.getPrototypeOf(service)), service) as BriefingService;
    // The opening briefing works; every command typed after it breaks.
    broken.handle = (command, ctx) => {
      if (command.kind === "digest") return service.handle(command, ctx);
      throw new Error("index corrupted");
    };
    const { code, text, errors } = await converse(["topics", "help"], broken);
    expect(code).toBe(0);
    expect(text.match(/Sorry, something went wrong/g)).toHaveLength(2);
    expect(text).not.toContain("index corrupted");
    expect(errors).toHaveLength(2);
  });
});

describe("the shell as a person uses it", () => {
  it("shows help for an empty line", async () => {
    const { text } = await converse([""]);
    expect(text).toContain(`${PROMPT}\nWhat nhsai can do`);
  });

  it("does not head an answer with the question just typed", async () => {
    const question = "How much is the new AI lung cancer funding?";
    const { text } = await converse([question]);
    expect(text.split(question)).toHaveLength(2);
    expect(text).toMatch(/According to National Health Executive/);
  });

  it("Ctrl-C clears a half-typed line and carries on; twice on an empty line it leaves", async () => {
    const { code, text } = await converse(
      ["how much is the\u0003", "topics\r", "\u0003", "\u0003", "about\r"],
      undefined,
      true,
    );
    expect(code).toBe(0);
    expect(text).toContain("^C");
    expect(text).not.toMatch(/According to|couldn.t find/);
    expect(text).toContain("Topics I follow");
    expect(text).toContain("(To leave, press Ctrl-C again, Ctrl-D, or type `exit`.)");
    expect(text).not.toContain("About nhsai");
    expect(text.trimEnd().endsWith("Bye.")).toBe(true);
  });
});

describe("the real shell process", () => {
  it("`nhsai` with no credentials: briefing first, a question, a command, then EOF exits 0", async () => {
    const result = await runNhsai([], "How much is the new AI lung cancer funding?\nfunding\n");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const out = result.stdout;
    expect(out).toMatch(/^☕ Coffee Time Briefing — \w+day \d{1,2} \w+ \d{4}\n/);
    const answer = out.indexOf("Source: New £21m AI investment");
    const briefing = out.indexOf("Funding: what the news says");
    expect(out.indexOf(PROMPT)).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(out.indexOf(PROMPT));
    expect(briefing).toBeGreaterThan(answer);
    expect(out.trimEnd().endsWith("Bye.")).toBe(true);
  });

  it("`nhsai shell` with an empty input quits cleanly", async () => {
    const result = await runNhsai(["shell"], "");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Coffee Time Briefing");
  });
});
