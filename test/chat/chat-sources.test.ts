/**
 * Sources through the chat service: admins add and remove feeds, everyone sees the list with
 * when each feed was last read, and documents stored by another replica are answered here
 * without a restart.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BriefingService } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import type { Conversation } from "../../src/conversation/conversation.js";
import { plainRuns, type Reply } from "../../src/reply.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW, makeDocument, paragraphs, seedLibrary } from "../helpers/factories.js";

const FEED = "https://news.example/feed.xml";
const later = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);

function person(userId: string): Conversation {
  return { platform: "slack", channelId: "C1", userId, scope: "channel", mayManageChannel: async () => true };
}

/** Every run of the reply, as plain text. */
function textOf(reply: Reply): string {
  return reply.sections
    .flatMap((s) => [
      ...(s.heading ? [plainRuns(s.heading)] : []),
      ...s.blocks.flatMap((b) => (b.type === "bullets" ? b.items.map((i) => plainRuns(i.runs)) : [plainRuns(b.runs)])),
    ])
    .join("\n");
}

let dir: string;
let stores: Store[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nhsai-chat-sources-"));
  stores = [];
});
afterEach(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One replica: its own store connection and its own library, over the shared data directory. */
async function replica(): Promise<BriefingService> {
  const store = await openEmbeddedStore({ dataDir: dir, now: FIXED_NOW });
  stores.push(store);
  return new BriefingService(seedLibrary(), { store, admins: new Set(["slack:UADMIN"]) });
}

describe("sources in chat", () => {
  it("lets an admin add and remove a feed, refuses everyone else, and lists when each feed was last read", async () => {
    const chat = await replica();
    const refused = await chat.handle(parseCommand(`sources add ${FEED}`), {
      conversation: person("U2"),
      now: FIXED_NOW,
    });
    expect(refused.title).toBe("Only admins can change the feeds");
    expect(await stores[0]?.listFeeds()).toEqual([]);

    const added = await chat.handle(parseCommand(`/nhsai sources add ${FEED}`), {
      conversation: person("UADMIN"),
      now: FIXED_NOW,
    });
    expect(textOf(added)).toContain(`I'm now following ${FEED}.`);
    expect(
      textOf(await chat.handle(parseCommand("sources"), { conversation: person("U2"), now: FIXED_NOW })),
    ).toContain(`${FEED} — not read yet`);

    await stores[0]?.recordFeedRead(FEED, { etag: null, lastModified: null }, new Date("2026-11-23T09:05:00Z"));
    expect(
      textOf(await chat.handle(parseCommand("sources"), { conversation: person("U2"), now: FIXED_NOW })),
    ).toContain(`${FEED} — last read Monday 23 November 2026 at 9.05am`);
    const bad = await chat.handle(parseCommand("sources add file:///etc/passwd"), {
      conversation: person("UADMIN"),
      now: FIXED_NOW,
    });
    expect(bad.title).toBe("That is not a feed URL");

    const removed = await chat.handle(parseCommand(`sources remove ${FEED}`), {
      conversation: person("UADMIN"),
      now: FIXED_NOW,
    });
    expect(textOf(removed)).toContain(`I've stopped following ${FEED}.`);
    expect(await stores[0]?.listFeeds()).toEqual([]);
  });

  it("refuses a feed URL with a password without repeating it, and never shows a feed's error in chat", async () => {
    const chat = await replica();
    const secret = "https://nurse:S3cr3t-pw@news.example/private.xml";
    const refused = await chat.handle(parseCommand(`sources add ${secret}`), {
      conversation: person("UADMIN"),
      now: FIXED_NOW,
    });
    expect(refused.title).toBe("Feed URLs cannot carry a password");
    expect(JSON.stringify(refused)).not.toContain("S3cr3t-pw");
    expect(await stores[0]?.listFeeds()).toEqual([]);

    await chat.handle(parseCommand(`sources add ${FEED}`), { conversation: person("UADMIN"), now: FIXED_NOW });
    await stores[0]?.recordFeedRead(FEED, { etag: null, lastModified: null }, new Date("2026-11-23T09:05:00Z"));
    const error = "host news.example resolves to 10.0.0.5, a private address";
    await stores[0]?.recordFeedRead(FEED, { error }, new Date("2026-11-23T10:05:00Z"));
    const listed = textOf(await chat.handle(parseCommand("sources"), { conversation: person("U2"), now: FIXED_NOW }));
    expect(listed).toContain(
      `${FEED} — last read Monday 23 November 2026 at 9.05am; could not be read since Monday 23 November 2026 at 9.05am`,
    );
    expect(listed).not.toContain("10.0.0.5");
  });

  it("answers from a document another replica stored, without a restart", async () => {
    const first = await replica();
    const other = await openEmbeddedStore({ dataDir: dir, now: FIXED_NOW });
    stores.push(other);
    const question = "What did Eastfield trust say about its robotic pharmacy?";
    const before = await first.handle(parseCommand(question), { conversation: person("U2"), now: FIXED_NOW });
    expect(before.kind === "answer" && before.abstained).toBe(true);

    const doc = makeDocument({
      id: "eastfield-robotic-pharmacy",
      title: "Eastfield trust opens robotic pharmacy",
      paragraphs: paragraphs(
        "Eastfield trust said its new robotic pharmacy dispenses 8,000 items a day and has halved the time patients wait for medicines to take home.",
      ),
    });
    await other.addDocument(doc, "feeds", later(1));

    const after = await first.handle(parseCommand(question), { conversation: person("U2"), now: later(2) });
    expect(after.kind === "answer" && after.abstained).toBe(false);
    expect(after.citations[0]?.documentId).toBe("eastfield-robotic-pharmacy");
    const digest = await first.handle(parseCommand("digest"), { conversation: person("U2"), now: later(3) });
    expect(digest.kind === "digest" && digest.digest.items.map((i) => i.documentId)).toContain(
      "eastfield-robotic-pharmacy",
    );
  });
});

it("still answers from the library it holds when the store cannot be reached", async () => {
  const chat = await replica();
  await stores.pop()?.close();
  const reply = await chat.handle(parseCommand("How much AI funding is going to NHS trusts for lung cancer?"), {
    conversation: person("U2"),
    now: FIXED_NOW,
  });
  expect(reply.kind === "answer" && !reply.abstained).toBe(true);
});
