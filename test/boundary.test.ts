/** The core is a library: no platform SDK, no HTTP framework, no adapters, no process.env, no console. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [
    /(\bfrom|\bimport\s*\(?|\brequire\s*\()\s*["'](@slack\/|botbuilder|@microsoft\/|express)/,
    "a platform SDK or HTTP framework",
  ],
  [/(\bfrom|\bimport\s*\(?|\brequire\s*\()\s*["'][./]*\/adapters\//, "an adapter"],
  [/process\.env/, "process.env (configuration comes through loadConfig(env))"],
  [/\bconsole\./, "console (the core returns values; adapters log)"],
];

describe("the boundary patterns", () => {
  it.each([
    'import { App } from "@slack/bolt";',
    "import type { TurnContext } from 'botbuilder';",
    'import "@microsoft/teams-js";',
    'const express = await import("express");',
    'const bolt = require("@slack/bolt");',
    'import { renderBlocks } from "../../adapters/slack/render-blocks.js";',
    "const port = process.env.PORT;",
    'console.log("hi");',
  ])("catch %s", (line) => {
    expect(FORBIDDEN.some(([pattern]) => pattern.test(line))).toBe(true);
  });

  it.each([
    'import { createServer } from "node:http";',
    'import { z } from "zod";',
    'import { answerQuestion } from "./answers/answer-question.js";',
    "// Slack and Teams adapters render this reply",
  ])("let %s through", (line) => {
    expect(FORBIDDEN.some(([pattern]) => pattern.test(line))).toBe(false);
  });
});

describe("src/ is a platform-neutral library", () => {
  const files = sourceFiles(join(root, "src"));

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const [pattern, what] of FORBIDDEN) {
    it(`imports or uses no ${what}`, () => {
      const offenders = files.filter((f) => pattern.test(readFileSync(f, "utf8"))).map((f) => relative(root, f));
      expect(offenders).toEqual([]);
    });
  }
});
