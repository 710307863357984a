/**
 * Editors' review on Teams, end to end: the real Teams platform (botbuilder, Bot Framework tokens
 * checked against a loopback key server) on the real HTTP server, the real scheduler and store,
 * and a loopback Bot Framework connector that records what the bot sends and replaces.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Scheduler } from "../../src/schedules/scheduler.js";
import {
  type ConnectorStub,
  conversationIdOf,
  installActivity,
  messageActivity,
  postActivity,
  type Received,
  type RunningBot,
  startBot,
  startConnectorStub,
  USER,
} from "./teams-harness.js";
import { APP_ID, ISSUER, signingKey, signToken, startKeyServer, testCredentials } from "./token-server.js";

const key = signingKey("review-key");
const BOB = { id: "29:bob", name: "Bob", aadObjectId: "aad-bob" };
const ALICE_CHAT = conversationIdOf("personal");
const BOB_CHAT = "a:personal-chat-bob";
const CHANNEL = conversationIdOf("channel");
// The harness's clock is Monday 23 November 2026, 8am in London: the 9am slot's draft is due now.
const DRAFT_TIME = new Date("2026-11-23T08:00:00Z");
const SLOT = new Date("2026-11-23T09:00:00Z");

let keys: Awaited<ReturnType<typeof startKeyServer>>;
let connector: ConnectorStub;
let bot: RunningBot;

beforeEach(async () => {
  keys = await startKeyServer([key]);
  connector = await startConnectorStub();
  bot = await startBot(
    { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: "test-secret", TEAMS_LOCAL: "1", EDITORS: "teams:aad-bob" },
    { openIdMetadataUrl: keys.metadataUrl, tokenIssuer: ISSUER, credentialsFactory: testCredentials },
  );
});
afterEach(async () => {
  await bot.close();
  await connector.close();
  await keys.close();
});

async function send(activity: Record<string, unknown>) {
  const res = await postActivity(bot.url, activity, { authorization: `Bearer ${signToken(key, connector.url)}` });
  expect(res.status).toBeLessThan(300);
}

const bobSays = (text: string, extra: Record<string, unknown> = {}) =>
  messageActivity(connector.url, text, "personal", {
    from: BOB,
    conversation: { id: BOB_CHAT, conversationType: "personal", tenantId: "tenant-1" },
    ...extra,
  });
const aliceSays = (text: string, extra: Record<string, unknown> = {}) =>
  messageActivity(connector.url, text, "personal", extra);

/** Both reviewers have the app in their personal chat; Alice subscribes the channel with review. */
async function subscribeWithReview() {
  await send(aliceSays("help"));
  await send(bobSays("help"));
  await send(installActivity(connector.url, "add"));
  await send(messageActivity(connector.url, "subscribe daily at 9am with review", "channel"));
  const [sub] = await bot.store.listSubscriptions({ platform: "teams" });
  expect(sub).toMatchObject({ schedule: "daily at 09:00", review: true, createdBy: `teams:${USER.aadObjectId}` });
  connector.received.length = 0;
  return sub;
}

function scheduler(unanswered: "hold" | "post" = "hold") {
  const desk = bot.platform.reviewDesk;
  if (!desk) throw new Error("the Teams platform has no review desk");
  return new Scheduler({
    store: bot.store,
    briefings: bot.service,
    posters: [bot.platform.poster],
    review: { desks: [desk], editors: new Set(["teams:aad-bob"]), leadMinutes: 60, unanswered },
  });
}

const isPost = (r: Received) => /\/activities$/.test(r.path);
/** A replaced activity (PUT): the path names it and so does the body; a turn's reply names the message it answers. */
const isUpdate = (r: Received) => r.body.id !== undefined && r.path.endsWith(`/activities/${String(r.body.id)}`);
const postsTo = (conversation: string) =>
  connector.received.filter((r) => isPost(r) && r.conversationId === conversation);
const json = (r: Received | undefined) => JSON.stringify(r?.body ?? {});

interface Submit {
  title: string;
  data: { nhsai: string; click: string };
}

/** Every Action.Submit in the card of a received activity, wherever it sits. */
function submitsIn(r: Received | undefined): Submit[] {
  const found: Submit[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.type === "Action.Submit") found.push(o as unknown as Submit);
      Object.values(o).forEach(walk);
    }
  };
  walk(r?.body.attachments);
  return found;
}

/** The text of the bot's reply to the latest click in `conversation`. */
const replyIn = (conversation: string) =>
  connector.received.filter((r) => r.conversationId === conversation && typeof r.body.text === "string").at(-1)?.body
    .text;

describe("a Teams channel subscribed with review", () => {
  it("sends each reviewer an Adaptive Card draft; a removed item is left out of the one post, once approved", async () => {
    const sub = await subscribeWithReview();
    expect(await scheduler().runDue(DRAFT_TIME)).toMatchObject({ drafts: 1 });
    expect(await scheduler().runDue(new Date(DRAFT_TIME.getTime() + 60_000))).toMatchObject({ drafts: 0 });
    expect(postsTo(ALICE_CHAT)).toHaveLength(1);
    expect(postsTo(BOB_CHAT)).toHaveLength(1);
    expect(postsTo(CHANNEL)).toHaveLength(0);
    const draft = postsTo(BOB_CHAT)[0];
    expect(json(draft)).toMatch(/Draft for review/);
    expect(json(draft)).toMatch(/Coffee Time Briefing/);
    const submits = submitsIn(draft);
    const remove = submits.find((s) => s.title.startsWith("Remove"));
    const approve = submits.find((s) => s.title === "Approve");
    expect(remove && approve).toBeTruthy();
    const headline = (remove as Submit).title.replace(/^Remove “|”$/g, "").replace(/…$/, "");

    await send(bobSays("", { value: remove?.data }));
    expect(replyIn(BOB_CHAT)).toMatch(/^Removed “/);
    const afterRemove = connector.received.filter(isUpdate);
    expect(afterRemove.map((r) => r.conversationId).sort()).toEqual([ALICE_CHAT, BOB_CHAT].sort());
    expect(json(afterRemove[0])).toMatch(/removed by Bob at 8am/);

    await send(aliceSays("", { value: approve?.data }));
    expect(replyIn(ALICE_CHAT)).toMatch(/^Approved by Alice at 8am/);
    const finalCopies = connector.received.filter(isUpdate).slice(-2);
    for (const copy of finalCopies) {
      expect(json(copy)).toMatch(/Approved by Alice at 8am/);
      expect(submitsIn(copy)).toEqual([]);
    }

    expect(await scheduler().runDue(SLOT)).toMatchObject({ sent: 1 });
    expect(await scheduler().runDue(new Date(SLOT.getTime() + 60_000))).toMatchObject({ sent: 0 });
    const posted = postsTo(CHANNEL);
    expect(posted).toHaveLength(1);
    expect(json(posted[0])).toMatch(/Coffee Time Briefing/);
    expect(json(posted[0])).not.toContain(headline.slice(0, 40));
    const audit = await bot.store.listAudit({ subject: `review:${sub?.id}/${SLOT.toISOString()}` });
    expect(audit.map((a) => `${a.action} ${a.who}`)).toEqual(
      expect.arrayContaining(["review.item_removed teams:aad-bob", "review.approved teams:aad-alice"]),
    );
  });

  it("holds a draft nobody approved: nothing is posted and each reviewer is told", async () => {
    await subscribeWithReview();
    await scheduler().runDue(DRAFT_TIME);
    expect(await scheduler().runDue(SLOT)).toMatchObject({ held: 1, sent: 0 });
    expect(postsTo(CHANNEL)).toHaveLength(0);
    for (const chat of [ALICE_CHAT, BOB_CHAT]) {
      expect(postsTo(chat)).toHaveLength(2);
      expect(json(postsTo(chat)[1])).toMatch(/Briefing held/);
    }
    expect(json(connector.received.filter(isUpdate).at(-1))).toMatch(/Held: nobody approved it/);
  });

  it("two reviewers approving at once make one approval and one post; a stranger's click is refused", async () => {
    const sub = await subscribeWithReview();
    await scheduler().runDue(DRAFT_TIME);
    const approveIn = (chat: string) => submitsIn(postsTo(chat)[0]).find((s) => s.title === "Approve")?.data;
    const stranger = { id: "29:eve", name: "Eve", aadObjectId: "aad-eve" };
    await send(
      messageActivity(connector.url, "", "personal", {
        from: stranger,
        conversation: { id: "a:personal-chat-eve", conversationType: "personal", tenantId: "tenant-1" },
        value: approveIn(ALICE_CHAT),
      }),
    );
    expect(replyIn("a:personal-chat-eve")).toMatch(/Only this channel's reviewers/);
    await Promise.all([
      send(aliceSays("", { value: approveIn(ALICE_CHAT) })),
      send(bobSays("", { value: approveIn(BOB_CHAT) })),
    ]);
    const audit = await bot.store.listAudit({ subject: `review:${sub?.id}/${SLOT.toISOString()}` });
    // The reviewers' clicks, answered after the stranger's, are the sentinel: theirs is the one approval.
    const approvals = audit.filter((a) => a.action === "review.approved");
    expect(approvals).toHaveLength(1);
    expect(approvals[0]?.who).toMatch(/alice|bob/);
    await Promise.all([scheduler().runDue(SLOT), scheduler().runDue(SLOT)]);
    expect(postsTo(CHANNEL)).toHaveLength(1);
  });
});
