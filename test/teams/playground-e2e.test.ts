/**
 * End to end with a real Teams client: Microsoft 365 Agents Playground (its web client and mock
 * connector) talks to `nhsai serve` with TEAMS_LOCAL=1, driven by playwright-core in Debian's
 * chromium. Skips with a message when chromium is absent locally; in CI (CI=true) it must run.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumFor, launchChromium } from "../helpers/chromium.js";
import { ROOT } from "../helpers/factories.js";
import { freePort } from "../helpers/processes.js";
import { type ServeProcess, startServe } from "./serve-process.js";

const available = chromiumFor("the Agents Playground test");

let serve: ServeProcess;
let playground: ChildProcess;
let browser: Browser;
let playgroundUrl: string;
const binDir = mkdtempSync(join(tmpdir(), "nhsai-noop-bin-"));

/** Resolves once the Playground says it listens; its CLI opens a browser with xdg-open, a no-op here. */
async function startPlayground(appEndpoint: string, port: number): Promise<ChildProcess> {
  writeFileSync(join(binDir, "xdg-open"), "#!/bin/sh\nexit 0\n");
  chmodSync(join(binDir, "xdg-open"), 0o755);
  const cli = join(ROOT, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
  const child = spawn(
    process.execPath,
    [cli, "-e", appEndpoint, "-c", "msteams", "-p", String(port), "--disable-telemetry"],
    {
      env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, BROWSER: "none" },
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`Playground did not start: ${out}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`Listening on ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`Playground exited (${code}): ${out}`)));
  });
  return child;
}

describe.skipIf(!available)("Microsoft 365 Agents Playground against nhsai serve", () => {
  beforeAll(async () => {
    serve = await startServe({ TEAMS_LOCAL: "1" });
    const port = await freePort();
    playground = await startPlayground(`http://127.0.0.1:${serve.port}/api/messages`, port);
    playgroundUrl = `http://127.0.0.1:${port}/`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    playground?.kill("SIGTERM");
    await serve?.stop();
    rmSync(binDir, { recursive: true, force: true });
  });

  async function say(text: string) {
    const page = await browser.newPage();
    await page.goto(playgroundUrl, { waitUntil: "networkidle" });
    await page.getByRole("textbox").first().click();
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
    return page;
  }

  it("answers a question with a card that cites its source", async () => {
    const page = await say("How much is the new AI lung cancer funding?");
    await page.getByText("Publisher").first().waitFor({ timeout: 20_000 });
    const chat = await page.locator("body").innerText();
    expect(chat).toMatch(/£21m/);
    expect(chat).toMatch(/National Health Executive/);
    expect(chat).toMatch(/Useful/);
    await page.close();
  }, 60_000);

  it("runs `strategy` and shows the briefing card with its Show all button", async () => {
    const page = await say("strategy");
    await page.getByText("Strategy & policy: what the news says").waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: /Show all/ }).waitFor({ timeout: 5_000 });
    expect(await page.locator("body").innerText()).toMatch(/The Health Foundation/);
    await page.close();
  }, 60_000);
});
