/**
 * WCAG 2.2 AA on every kind of archive page, in Debian's headless chromium: axe-core finds no
 * violation at 1280 and 320 px wide, nothing is wider than a 320 px screen, no request leaves the
 * server, and a keyboard alone reaches the skip link first (which moves focus to the main content)
 * and then every link. Skips with a message when chromium is absent locally; in CI it must run.
 * With ARCHIVE_SCREENSHOTS=<dir>, the list, a briefing and an answer are also saved as PNGs there.
 */

import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import { Scheduler } from "../../src/schedules/scheduler.js";
import type { Store } from "../../src/store/store.js";
import { chromiumFor, launchChromium } from "../helpers/chromium.js";
import { seedLibrary } from "../helpers/factories.js";
import { RecordingPoster, subscribe } from "../schedules/schedule-fixtures.js";
import { embeddedHarness, type StoreHarness } from "../store/harness.js";
import { type ArchiveServer, startArchiveServer } from "./archive-server.js";
import { briefingOn } from "./sample-briefings.js";

const available = chromiumFor("the archive's accessibility test");

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [1280, 320];
const SCREENSHOTS = process.env.ARCHIVE_SCREENSHOTS;
/** The page's links a reader can see (in the browser). */
const VISIBLE_LINKS = '[...document.querySelectorAll("a[href]")].filter((a) => a.offsetParent !== null)';

let harness: StoreHarness;
let store: Store;
let archive: ArchiveServer;
let browser: Browser;
let postedId = "";

/** Every kind of page: the list (with pagination), one briefing, results of each kind, no results, not found. */
const pageTypes = () => ({
  list: "/briefings",
  briefing: `/briefings/${postedId}`,
  "library-answer": `/library?q=${encodeURIComponent("Which cancer is the new AI money meant to help diagnose faster?")}`,
  "library-topic": "/library?q=strategy",
  "library-no-results": `/library?q=${encodeURIComponent("quantum zebra fencing")}`,
  "library-empty": "/library",
  "not-found": "/briefings/2020-01-01-00000000",
});

describe.skipIf(!available)("the archive in headless chromium", () => {
  beforeAll(async () => {
    harness = embeddedHarness();
    const created = new Date("2026-11-23T08:00:00Z");
    store = await harness.open(created);
    // A real posting through the scheduler, plus enough older briefings for a second page.
    const briefings = new BriefingService(seedLibrary());
    await subscribe(store, "weekdays at 9am", created);
    await new Scheduler({ store, briefings, posters: [new RecordingPoster()] }).runDue(
      new Date("2026-11-23T09:00:00Z"),
    );
    postedId = (await store.listPostedBriefings({ limit: 1 })).briefings[0]?.id ?? "";
    for (let day = 1; day <= 21; day++)
      await store.recordPostedBriefing(briefingOn(`2026-10-${String(day).padStart(2, "0")}`), "scheduler", created);
    archive = await startArchiveServer(store, briefings);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await archive?.close();
    await harness?.cleanup();
  });

  /** Opens `path` at `width`, failing on any request to another origin or any console error (a CSP breach logs one). */
  async function open(path: string, width: number): Promise<Page> {
    // axe opens a page of its own in the same context, so each page gets a context.
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    const problems: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith(archive.url)) problems.push(`request to ${req.url()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    const status = path.startsWith("/briefings/2020") ? 404 : 200;
    const res = await page.goto(`${archive.url}${path}`, { waitUntil: "load" });
    expect(res?.status()).toBe(status);
    // chromium logs the not-found page's own 404 as an error: that one is expected.
    expect(problems.filter((p) => status !== 404 || !p.includes("status of 404"))).toEqual([]);
    return page;
  }

  it("has no WCAG 2.2 AA violation on any page type, at 1280 and 320 px, and fits 320 px", async () => {
    expect(postedId).toMatch(/^2026-11-23-/);
    const figures: string[] = [];
    for (const [name, path] of Object.entries(pageTypes())) {
      for (const width of WIDTHS) {
        const page = await open(path, width);
        const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
        const violations = results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(violations, `${name} at ${width}px`).toEqual([]);
        const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
        expect(overflow, `${name} at ${width}px is wider than the screen`).toBeLessThanOrEqual(0);
        figures.push(
          `${name}@${width}: ${results.violations.length} violations, ${results.passes.length} rules passed`,
        );
        if (SCREENSHOTS && ["list", "briefing", "library-answer"].includes(name))
          await page.screenshot({ path: join(SCREENSHOTS, `archive-${name}-${width}.png`), fullPage: true });
        await page.context().close();
      }
    }
    console.info(`axe-core ${WCAG_22_AA.join(",")}:\n${figures.join("\n")}`);
  }, 120_000);

  it("by keyboard alone: Tab reaches the skip link first, Enter moves focus to main, and Tab reaches every link", async () => {
    for (const path of [pageTypes().list, pageTypes().briefing, pageTypes()["library-topic"]]) {
      const page = await open(path, 1280);
      await page.keyboard.press("Tab");
      expect(await page.evaluate("document.activeElement?.textContent?.trim()")).toBe("Skip to main content");
      await page.keyboard.press("Enter");
      expect(await page.evaluate("document.activeElement?.id")).toBe("maincontent");

      await page.goto(page.url().replace(/#.*$/, ""));
      // Browser-side expressions as strings: the tests are typed for Node, without the DOM library.
      const links = await page.evaluate<number>(`${VISIBLE_LINKS}.length`);
      expect(links).toBeGreaterThan(4);
      const reached = new Set<number>();
      for (let i = 0; i < links + 10; i++) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate<number>(`${VISIBLE_LINKS}.indexOf(document.activeElement)`);
        if (focused >= 0) reached.add(focused);
      }
      expect(reached.size, path).toBe(links);
      await page.context().close();
    }
  }, 60_000);
});
