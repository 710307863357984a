/**
 * The docs a newcomer follows: every relative link in README.md, docs/ and bench/README.md leads to
 * a file of this repository (and an anchor to a heading of it), nothing points outside the
 * repository, and the README stays short enough to read.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(path) : entry.name.endsWith(".md") ? [path] : [];
  });
}

const docs = [join(root, "README.md"), join(root, "bench", "README.md"), ...markdownFiles(join(root, "docs"))];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of markdown.split("\n")) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    anchors.add(
      (heading[1] ?? "")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, "")
        .trim()
        .replace(/\s/g, "-"),
    );
  }
  return anchors;
}

/** Links outside fenced code blocks: [text](target). */
function linksOf(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  return [...withoutCode.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? "");
}

describe("documentation", () => {
  it.each(docs.map((file) => [relative(root, file), file]))("%s links only to files that exist", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const broken: string[] = [];
    for (const link of linksOf(text)) {
      if (/^(https?:|mailto:)/.test(link)) continue;
      const [path, anchor] = link.split("#");
      const target = path ? resolve(dirname(file), path) : file;
      if (!target.startsWith(root) || !existsSync(target)) {
        broken.push(link);
        continue;
      }
      if (anchor && target.endsWith(".md") && !anchorsOf(readFileSync(target, "utf8")).has(anchor)) broken.push(link);
    }
    expect(broken).toEqual([]);
  });

  it.each(docs.map((file) => [relative(root, file), file]))(
    "%s names no file outside the repository",
    (_name, file) => {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/CONTRACT\.md|RELIABILITY\.md|\.\.\/shared\b/);
    },
  );

  it("keeps the README short, starting with the two commands a newcomer needs", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme.split("\n").length).toBeLessThanOrEqual(200);
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(firstBlock).toMatch(/npm ci && npm start/);
    expect(firstBlock).toMatch(/npm ci && npm test/);
  });
});
