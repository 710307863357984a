/**
 * The shape of the code, as import statements show it: the core is a platform-neutral library
 * (no SDK, no adapters, no process.env, no console in src/), adapters enter it only through
 * src/index.ts, and no file imports itself back through a chain of others.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const DOOR = join(root, "src", "index.ts");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Every module specifier a file names: static imports and re-exports (type-only too), side-effect imports, literal `import()`s. */
function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const pattern of [
    /^\s*(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/gm,
    /^\s*import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ])
    for (const match of code.matchAll(pattern)) found.push(match[1] as string);
  return found;
}

/** The .ts file a relative specifier names (`./x.js` is written for `./x.ts`), or null for a package. */
function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const target = resolve(dirname(from), specifier).replace(/\.js$/, ".ts");
  return existsSync(target) ? target : null;
}

type Graph = Map<string, string[]>;

function importGraph(files: readonly string[]): Graph {
  const graph: Graph = new Map();
  for (const file of files) {
    const targets = specifiers(readFileSync(file, "utf8")).map((s) => resolveLocal(file, s));
    graph.set(file, [...new Set(targets.filter((t): t is string => t !== null))]);
  }
  return graph;
}

/** One cycle per strongly connected group of files (Tarjan), each as the chain of files that closes it. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node))
      found.push(chainWithin(graph, new Set(group), node));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** The shortest way from `start` back to itself inside `group` (breadth-first), for a readable failure. */
function chainWithin(graph: Graph, group: Set<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const next of graph.get(node) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const chain = [start];
        for (let at = node; at !== start; at = cameFrom.get(at) as string) chain.splice(1, 0, at);
        return [...chain, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

const FORBIDDEN_IN_CORE: [RegExp, string][] = [
  [
    /(\bfrom|\bimport\s*\(?|\brequire\s*\()\s*["'](@slack\/|botbuilder|@microsoft\/|express)/,
    "a platform SDK or HTTP framework",
  ],
  [/(\bfrom|\bimport\s*\(?|\brequire\s*\()\s*["'][./]*\/adapters\//, "an adapter"],
  [/process\.env/, "process.env (configuration comes through loadConfig(env))"],
  [/\bconsole\./, "console (the core returns values; adapters log)"],
];

describe("the checks themselves", () => {
  it.each([
    'import { App } from "@slack/bolt";',
    "import type { TurnContext } from 'botbuilder';",
    'import "@microsoft/teams-js";',
    'const express = await import("express");',
    'const bolt = require("@slack/bolt");',
    'import { renderBlocks } from "../../adapters/slack/render-blocks.js";',
    "const port = process.env.PORT;",
    'console.log("hi");',
  ])("the core may not hold %s", (line) => {
    expect(FORBIDDEN_IN_CORE.some(([pattern]) => pattern.test(line))).toBe(true);
  });

  it.each([
    'import { createServer } from "node:http";',
    'import { z } from "zod";',
    'import { answerQuestion } from "./answers/answer-question.js";',
    "// Slack and Teams adapters render this reply",
  ])("the core may hold %s", (line) => {
    expect(FORBIDDEN_IN_CORE.some(([pattern]) => pattern.test(line))).toBe(false);
  });

  it("reads multi-line, type-only, re-exported, side-effect and dynamic imports, not comments", () => {
    const text = [
      'import {\n  a,\n  type B,\n} from "./a.js";',
      'import type { C } from "./c.js";',
      'export { d } from "./d.js";',
      'import "./e.js";',
      'const f = await import("./f.js");',
      '// import { g } from "./g.js";',
      '/** import { h } from "./h.js"; */',
    ].join("\n");
    expect(specifiers(text)).toEqual(["./a.js", "./c.js", "./d.js", "./e.js", "./f.js"]);
  });

  it("finds a cycle and names the files that close it, and none in a chain", () => {
    const graph: Graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
    ]);
    expect(cycles(graph)).toEqual([["a", "b", "c", "a"]]);
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", []],
        ]),
      ),
    ).toEqual([]);
  });
});

describe("src/ is a platform-neutral library", () => {
  const files = sourceFiles(join(root, "src"));

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const [pattern, what] of FORBIDDEN_IN_CORE) {
    it(`imports or uses no ${what}`, () => {
      const offenders = files.filter((f) => pattern.test(readFileSync(f, "utf8"))).map((f) => relative(root, f));
      expect(offenders).toEqual([]);
    });
  }
});

describe("the import graph", () => {
  const files = [...sourceFiles(join(root, "src")), ...sourceFiles(join(root, "adapters"))];
  const graph = importGraph(files);

  it("lets adapters into src/ only through src/index.ts", () => {
    const deep = files
      .filter((f) => f.startsWith(join(root, "adapters")))
      .flatMap((f) =>
        (graph.get(f) ?? [])
          .filter((t) => t.startsWith(join(root, "src")) && t !== DOOR)
          .map((t) => `${relative(root, f)} -> ${relative(root, t)}`),
      );
    expect(deep).toEqual([]);
  });

  it("has no cycles among the files of src/ and adapters/", () => {
    const found = cycles(graph).map((chain) => chain.map((f) => relative(root, f)).join(" -> "));
    expect(found).toEqual([]);
  });
});
