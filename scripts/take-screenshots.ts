/**
 * `npm run screenshots`: pictures of today's Coffee Time briefing as Slack and Teams show it, and
 * of a reviewer's draft of it (docs/review.md), for the docs. Both come from the real renderers (`nhsai digest --format slack|teams`): the Block Kit
 * is laid out in a Block Kit Builder-like preview page, the Adaptive Card is rendered by Microsoft's
 * own `adaptivecards` renderer. Headless Debian chromium takes the pictures (docs/images/).
 */

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { openSeedLibrary } from "../adapters/cli/open-library.js";
import { draftMessage } from "../adapters/slack/review-desk.js";
import { draftCard } from "../adapters/teams/review-desk.js";
import { BriefingService } from "../src/briefing-service.js";
import { findPackageRoot } from "../src/package-root.js";
import { type DraftView, draftBody, draftView } from "../src/schedules/review-draft.js";

const ROOT = findPackageRoot(import.meta.url);
const OUT = join(ROOT, "docs", "images");
const CLI = join(ROOT, "dist", "adapters", "cli", "nhsai.js");

interface SlackMessage {
  blocks: { type: string; text?: { text: string }; elements?: { text?: string | { text: string } }[] }[];
}

/** Today's digest as a reviewer sees its draft at 8.30am, one item removed by an editor. */
function exampleDraft(): DraftView {
  const now = new Date();
  const slot = new Date(now.getTime() + 30 * 60_000);
  const digest = new BriefingService(openSeedLibrary()).digest({ now });
  const removed = digest.items[2];
  return draftView(
    {
      subscriptionId: "example",
      slot: slot.toISOString(),
      state: "draft_sent",
      body: draftBody(digest),
      claimedBy: "scheduler",
      claimedAt: now,
      updatedAt: now,
      decidedBy: null,
      decidedName: null,
      decidedAt: null,
      removed: removed
        ? [{ documentId: removed.documentId, removedBy: "slack:U2", removedName: "Sam", removedAt: now }]
        : [],
      messages: [],
    },
    { channelId: "C0DIGITAL", timeZone: "Europe/London" },
  );
}

function digestAs(format: "slack" | "teams"): unknown {
  const dataDir = join(ROOT, "dist", "screenshot-data");
  const json = execFileSync(process.execPath, [CLI, "digest", "--format", format], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
  });
  return JSON.parse(json);
}

const escapeHtml = (text: string) => text.replace(/&(?!(amp|lt|gt);)/g, "&amp;").replace(/</g, "&lt;");

/** Slack mrkdwn (already escaped by the renderer) to HTML: links, bold, italics, line breaks. */
function mrkdwnToHtml(mrkdwn: string): string {
  return escapeHtml(mrkdwn)
    .replace(/&lt;(https?:[^|>]+)\|([^>]+)>/g, '<a href="$1">$2</a>')
    .replace(/&lt;(https?:[^>]+)>/g, '<a href="$1">$1</a>')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1<b>$2</b>")
    .replace(/(^|[\s(])_([^_\n]+)_/g, "$1<i>$2</i>")
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/\n/g, "<br>");
}

function slackPage(messages: SlackMessage[]): string {
  const blocks = messages
    .flatMap((m) => m.blocks)
    .map((block) => {
      switch (block.type) {
        case "header":
          return `<h1>${escapeHtml(block.text?.text ?? "")}</h1>`;
        case "section":
          return `<p>${mrkdwnToHtml(block.text?.text ?? "")}</p>`;
        case "context":
          return `<p class="context">${(block.elements ?? []).map((e) => mrkdwnToHtml(typeof e.text === "string" ? e.text : "")).join(" ")}</p>`;
        case "divider":
          return "<hr>";
        case "actions":
          return `<p>${(block.elements ?? [])
            .map((e) => `<span class="button">${escapeHtml(typeof e.text === "object" ? e.text.text : "")}</span>`)
            .join(" ")}</p>`;
        default:
          return "";
      }
    })
    .join("\n");
  return `<!doctype html><meta charset="utf-8"><style>
    body { font: 15px/1.46 "Lato", "Helvetica Neue", Arial, sans-serif; color: #1d1c1d; margin: 0; background: #fff; }
    #message { width: 640px; padding: 16px 20px; display: grid; grid-template-columns: 36px 1fr; gap: 0 8px; }
    .avatar { width: 36px; height: 36px; border-radius: 6px; background: #005eb8; color: #fff; font-weight: 700;
      display: flex; align-items: center; justify-content: center; font-size: 13px; }
    .name { font-weight: 900; } .app { font-size: 10px; background: #ddd; padding: 1px 3px; border-radius: 2px; }
    h1 { font-size: 18px; margin: 4px 0; } p { margin: 6px 0; } hr { border: 0; border-top: 1px solid #ddd; }
    .context { color: #616061; font-size: 13px; } a { color: #1264a3; text-decoration: none; }
    .button { display: inline-block; border: 1px solid #bbb; border-radius: 4px; padding: 3px 10px;
      font-size: 13px; font-weight: 700; }
    code { color: #e01e5a; background: #f6f6f6; border: 1px solid #ddd; border-radius: 3px; padding: 0 2px; }
  </style><div id="message"><div class="avatar">nhsai</div><div><span class="name">nhsai</span>
  <span class="app">APP</span><span class="context"> 9:30 AM</span>${blocks}</div></div>`;
}

function teamsPage(cards: unknown[]): string {
  const require = createRequire(import.meta.url);
  const renderer = readFileSync(require.resolve("adaptivecards/dist/adaptivecards.min.js"), "utf8");
  return `<!doctype html><meta charset="utf-8"><style>
    body { font: 14px "Segoe UI", "Helvetica Neue", Arial, sans-serif; margin: 0; background: #f5f5f5; }
    #message { width: 600px; padding: 16px; } .card { background: #fff; border-radius: 6px; padding: 12px 16px;
      box-shadow: 0 1px 2px rgba(0,0,0,.15); margin-bottom: 8px; }
  </style><div id="message"></div><script>${renderer}</script><script>
    for (const json of ${JSON.stringify(cards)}) {
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: "Segoe UI, Helvetica Neue, Arial, sans-serif" });
      card.parse(json);
      const holder = document.createElement("div");
      holder.className = "card";
      holder.appendChild(card.render());
      document.getElementById("message").appendChild(holder);
    }
  </script>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const slack = digestAs("slack") as SlackMessage[];
  const teams = digestAs("teams");
  const cards = Array.isArray(teams) ? teams : [teams];
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 700, height: 600 }, deviceScaleFactor: 1 });
    const draft = exampleDraft();
    for (const [name, html] of [
      ["slack-briefing.png", slackPage(slack)],
      ["teams-briefing.png", teamsPage(cards)],
      ["slack-review-draft.png", slackPage([draftMessage(draft)])],
      ["teams-review-draft.png", teamsPage([draftCard(draft)])],
    ] as const) {
      await page.setContent(html, { waitUntil: "load" });
      await page.locator("#message").screenshot({ path: join(OUT, name) });
      process.stdout.write(`screenshots: wrote docs/images/${name}\n`);
    }
  } finally {
    await browser.close();
  }
}

await main();
