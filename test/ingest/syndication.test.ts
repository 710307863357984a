/**
 * A near-identical copy of a held article from another outlet is another appearance of the same
 * document: stored once, answered once, and listed in the digest item as "also reported by" with
 * each outlet linked, in every face of the bot. `--refresh` corrects a held document's metadata.
 */

import { expect, it } from "vitest";
import { PLAIN, renderText } from "../../adapters/shell/render-text.js";
import { renderBlocks } from "../../adapters/slack/render-blocks.js";
import { renderCards } from "../../adapters/teams/render-card.js";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { buildDigest } from "../../src/briefings/build-digest.js";
import { digestReply } from "../../src/replies/briefing-replies.js";
import { FIXED_NOW } from "../helpers/factories.js";
import { useIngestHarness } from "./ingest-harness.js";

const h = useIngestHarness();

it("stores another outlet's copy as an appearance, answers once, and lists both outlets linked in one digest item", async () => {
  const ingest = h.ingester();
  await ingest.ingestUrl(`${h.site.base}/a/feed.rss`);
  const outcomes = await ingest.ingestUrl(`${h.site.base}/c/feed.rss`);
  expect(outcomes.map((o) => o.status)).toEqual(["appearance"]);
  const stored = await h.store.listDocuments();
  expect(stored).toHaveLength(2); // the X-ray story and the nurses story: the copy is no third document
  const xrayDoc = stored.find((d) => d.title.includes("X-rays"));
  const copyUrl = `${h.site.base}/c/trust-ai-chest-xray-reader.html`;
  expect(xrayDoc?.appearances).toEqual([
    {
      publisher: "Health Tech Daily",
      url: copyUrl,
      published: { value: "2026-11-18", precision: "day" },
      addedAt: FIXED_NOW.toISOString(),
    },
  ]);

  const answer = answerQuestion(h.library, "How much will Northshire spend on the chest X-ray AI?");
  expect(new Set(answer.citations.map((c) => c.documentId)).size).toBe(1);

  const digest = buildDigest(h.library, FIXED_NOW);
  const item = digest.items.find((i) => i.headline.includes("X-rays"));
  expect(item?.sources.map((s) => [s.publisher, s.url])).toEqual([
    ["Northern Health Chronicle", `${h.site.base}/a/chest-xray-ai.html`],
    ["Health Tech Daily", copyUrl],
  ]);
  expect(digest.items.filter((i) => i.headline.includes("X-ray"))).toHaveLength(1);

  const reply = digestReply(digest);
  const terminal = renderText(reply, { ...PLAIN, width: 10_000 });
  expect(terminal).toMatch(/Also reported by Health Tech Daily/);
  const slack = JSON.stringify(renderBlocks(reply));
  expect(slack).toContain(`<${copyUrl}|Health Tech Daily>`);
  const teams = JSON.stringify(renderCards(reply, null));
  expect(teams).toMatch(new RegExp(`"text":"Health Tech Daily"[^}]*"url":"${copyUrl.replace(/[.?]/g, "\\$&")}"`));
});

it("the same copy read again adds no second appearance", async () => {
  const ingest = h.ingester();
  await ingest.ingestUrl(`${h.site.base}/a/feed.rss`);
  await ingest.ingestUrl(`${h.site.base}/c/trust-ai-chest-xray-reader.html`);
  const again = await ingest.ingestUrl(`${h.site.base}/c/trust-ai-chest-xray-reader.html`);
  expect(again.map((o) => o.status)).toEqual(["duplicate"]);
  const doc = (await h.store.listDocuments()).find((d) => d.title.includes("X-rays"));
  expect(doc?.appearances).toHaveLength(1);
});
