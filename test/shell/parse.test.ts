/** The terminal's text read once, in the adapter; `nhsai command "sources add <url>"` follows the http URL. */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../adapters/cli/run-cli.js";
import { parseTerminalText } from "../../adapters/shell/parse.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";

describe("parseTerminalText", () => {
  it("reads an address in angle brackets as the address", () => {
    expect(parseTerminalText("sources add <http://example.org/feed.xml>")).toEqual({
      kind: "sources_change",
      action: "add",
      url: "http://example.org/feed.xml",
    });
  });

  it("leaves other text to the grammar", () => {
    expect(parseTerminalText("  funding  ")).toEqual({ kind: "briefing", topic: "funding", all: false });
  });
});

describe("nhsai command at the terminal", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "nhsai-terminal-parse-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("`sources add <http://example.org/feed.xml>` follows the http URL", async () => {
    let out = "";
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t), env: { DATA_DIR: dataDir } };
    expect(await runCli(["command", "sources add <http://example.org/feed.xml>"], io)).toBe(0);
    expect(out).toContain("now following http://example.org/feed.xml");
    const store = await openEmbeddedStore({ dataDir, now: new Date() });
    try {
      expect((await store.listFeeds()).map((f) => f.url)).toEqual(["http://example.org/feed.xml"]);
    } finally {
      await store.close();
    }
  });
});
