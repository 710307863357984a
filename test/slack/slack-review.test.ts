/**
 * Editors' review on Slack, end to end: the real Slack platform (Bolt, signed requests) on the
 * real HTTP server, the real scheduler, the embedded store, and a loopback Slack Web API.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createJsonLogger } from "../../adapters/cli/json-logger.js";
import { BriefingService } from "../../src/briefing-service.js";
import { nextSlot } from "../../src/schedules/next-run.js";
import { Scheduler } from "../../src/schedules/scheduler.js";
import { scheduleOf } from "../../src/schedules/stored-schedule.js";
import type { Subscription } from "../../src/store/store.js";
import { seedLibrary } from "../helpers/factories.js";
import { type ApiCall, type FakeSlack, platformError, startFakeSlack } from "./fake-slack.js";
import { type RunningSlackApp, startSlackApp } from "./slack-app.js";
import { openDms } from "./slack-dms.js";
import { commandBody, postSigned } from "./slack-requests.js";

const briefings = new BriefingService(seedLibrary());
const EDITOR = "U2";
let fake: FakeSlack;
let app: RunningSlackApp;
let schedulerLogs = "";
const log = createJsonLogger((line) => {
  schedulerLogs += line;
}, "info");

beforeEach(async () => {
  fake = await startFakeSlack();
  app = await startSlackApp(fake, { env: { EDITORS: `slack:${EDITOR}` } });
});
afterEach(async () => {
  await app.stop();
  await fake.close();
});

async function subscribeWithReview(text = "subscribe daily at 9am with review"): Promise<Subscription> {
  const res = await postSigned(app.url, commandBody(text, fake.responseUrl("sub"), { user_id: "U1" }));
  expect(res.status).toBe(200);
  expect(res.json().text).toMatch(/Subscribed/);
  const [sub] = await app.store.listSubscriptions({ platform: "slack", channelId: "C1" });
  if (!sub) throw new Error("not subscribed");
  return sub;
}

/** The first slot at least two hours ahead, so its draft time is after the subscription was made. */
function slotOf(sub: Subscription): Date {
  const spec = scheduleOf(sub);
  if (!spec) throw new Error("unreadable schedule");
  return nextSlot(spec, sub.timeZone, new Date(Date.now() + 2 * 3_600_000)).at;
}

function scheduler(unanswered: "hold" | "post" = "hold") {
  const desk = app.platform.reviewDesk;
  if (!desk) throw new Error("the Slack platform has no review desk");
  return new Scheduler({
    store: app.store,
    briefings,
    posters: [app.platform.poster],
    log,
    review: { desks: [desk], editors: new Set([`slack:${EDITOR}`]), leadMinutes: 60, unanswered },
  });
}

const minutesBefore = (at: Date, n: number) => new Date(at.getTime() - n * 60_000);
const postsTo = (channel: string) => fake.posts().filter((c) => c.args.channel === channel);
const updates = () => fake.calls.filter((c) => c.method === "chat.update");
const text = (call: ApiCall | undefined) => JSON.stringify(call?.args.blocks ?? call?.args.text ?? "");

interface ButtonFound {
  action_id: string;
  value: string;
  text: { text: string };
}

function buttonsIn(call: ApiCall | undefined): ButtonFound[] {
  const blocks = (call?.args.blocks ?? []) as { type: string; elements?: ButtonFound[] }[];
  return blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
}

/** A signed block_actions click on a draft in the person's DM, as Slack sends it; resolves with what the clicker was told. */
async function click(user: string, button: ButtonFound): Promise<string> {
  const id = `click-${user}-${Math.random().toString(36).slice(2)}`;
  const payload = {
    type: "block_actions",
    user: { id: user, team_id: "T1", username: user === "U1" ? "alex" : "sam", name: user === "U1" ? "alex" : "sam" },
    team: { id: "T1", domain: "nhs" },
    api_app_id: "A1",
    channel: { id: `D${user}`, name: "directmessage" },
    container: { type: "message", is_ephemeral: false },
    response_url: fake.responseUrl(id),
    trigger_id: `trigger-${Math.random()}`,
    actions: [
      {
        type: "button",
        action_id: button.action_id,
        block_id: "b",
        value: button.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  const res = await postSigned(app.url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  expect(res.status).toBe(200);
  // The click is acknowledged at once; the answer follows on its response_url.
  await fake.waitFor(() => fake.responses.some((r) => r.id === id));
  return String(fake.responses.find((r) => r.id === id)?.body.text);
}

describe("a Slack channel subscribed with review", () => {
  it("sends each reviewer the draft by DM an hour before; a removed item is left out of the one post, once approved", async () => {
    const sub = await subscribeWithReview();
    expect(sub).toMatchObject({ schedule: "daily at 09:00", review: true });
    const slot = slotOf(sub);
    openDms(fake, 2);

    expect(await scheduler().runDue(minutesBefore(slot, 61))).toMatchObject({ drafts: 0 });
    expect(await scheduler().runDue(minutesBefore(slot, 60))).toMatchObject({ drafts: 1 });
    expect(await scheduler().runDue(minutesBefore(slot, 59))).toMatchObject({ drafts: 0 });
    const opened = fake.calls.filter((c) => c.method === "conversations.open").map((c) => c.args.users);
    expect(opened.sort()).toEqual(["U1", EDITOR]);
    const [toSubscriber, toEditor] = [postsTo("DU1"), postsTo(`D${EDITOR}`)];
    expect(toSubscriber).toHaveLength(1);
    expect(toEditor).toHaveLength(1);
    expect(postsTo("C1")).toHaveLength(0);
    const draft = toEditor[0];
    expect(text(draft)).toMatch(/Draft for review/);
    expect(text(draft)).toMatch(/Coffee Time Briefing/);
    const buttons = buttonsIn(draft);
    const removes = buttons.filter((b) => b.action_id === "nhsai_review_remove");
    expect(removes.length).toBeGreaterThan(1);
    const removed = removes[0];
    const headline = removed?.text.text.replace(/^✖ Remove “|”$/g, "").replace(/…$/, "") ?? "";
    expect(headline.length).toBeGreaterThan(10);

    expect(await click(EDITOR, removed as ButtonFound)).toMatch(/^Removed “/);
    await fake.waitFor(() => updates().length >= 2);
    expect(text(updates().at(-1))).toMatch(/removed by sam/);
    expect(text(updates().at(-1))).not.toContain(`Remove “${headline}`);
    const approve = buttons.find((b) => b.action_id === "nhsai_review_approve") as ButtonFound;
    expect(await click("U1", approve)).toMatch(/^Approved by alex at \d/);
    await fake.waitFor(() => updates().length >= 4);
    // Both reviewers' copies say who approved it, and offer no more buttons.
    const channelsUpdated = updates()
      .slice(-2)
      .map((u) => u.args.channel);
    expect(channelsUpdated.sort()).toEqual(["DU1", `D${EDITOR}`]);
    for (const update of updates().slice(-2)) {
      expect(text(update)).toMatch(/Approved by alex at \d/);
      expect(buttonsIn(update)).toEqual([]);
    }

    expect(await scheduler().runDue(slot)).toMatchObject({ sent: 1 });
    expect(await scheduler().runDue(new Date(slot.getTime() + 60_000))).toMatchObject({ sent: 0 });
    const posted = postsTo("C1");
    expect(posted).toHaveLength(1);
    expect(text(posted[0])).toMatch(/Coffee Time Briefing/);
    expect(text(posted[0])).not.toContain(headline.slice(0, 40));

    const audit = await app.store.listAudit({ subject: `review:${sub.id}/${slot.toISOString()}` });
    const actions = audit.map((a) => `${a.action} ${a.who}`);
    expect(actions).toContain("review.item_removed slack:U2");
    expect(actions).toContain("review.approved slack:U1");
  });

  it("holds a draft nobody approved: nothing is posted and the reviewers are told", async () => {
    const sub = await subscribeWithReview();
    const slot = slotOf(sub);
    openDms(fake, 4);
    await scheduler().runDue(minutesBefore(slot, 60));
    const dmsBefore = postsTo("DU1").length + postsTo(`D${EDITOR}`).length;

    expect(await scheduler().runDue(slot)).toMatchObject({ held: 1, sent: 0 });
    expect(postsTo("C1")).toHaveLength(0);
    expect(postsTo("DU1").length + postsTo(`D${EDITOR}`).length).toBe(dmsBefore + 2);
    expect(text(postsTo("DU1").at(-1))).toMatch(/Briefing held/);
    const [delivery] = await app.store.listDeliveries(sub.id);
    expect(delivery).toMatchObject({ state: "skipped", detail: expect.stringMatching(/^held/) });
    expect(text(updates().at(-1))).toMatch(/Held: nobody approved it/);
    // A click after the slot changes nothing.
    const approve = buttonsIn(postsTo("DU1")[0]).find((b) => b.action_id === "nhsai_review_approve") as ButtonFound;
    expect(await click("U1", approve)).toMatch(/^Nothing changed: Held/);
    expect((await app.store.getReviewDraft(sub.id, slot.toISOString()))?.state).toBe("held");
  });

  it("two reviewers approving at once (and a double click) make one approval and one post", async () => {
    const sub = await subscribeWithReview();
    const slot = slotOf(sub);
    openDms(fake, 2);
    await scheduler().runDue(minutesBefore(slot, 60));
    const approveOf = (dm: string) =>
      buttonsIn(postsTo(dm)[0]).find((b) => b.action_id === "nhsai_review_approve") as ButtonFound;
    const told = await Promise.all([
      click("U1", approveOf("DU1")),
      click(EDITOR, approveOf(`D${EDITOR}`)),
      click(EDITOR, approveOf(`D${EDITOR}`)),
    ]);
    expect(told.filter((t) => /^Approved by/.test(t))).toHaveLength(1);
    expect(told.filter((t) => /^Nothing changed: Approved by/.test(t))).toHaveLength(2);
    const audit = await app.store.listAudit({ subject: `review:${sub.id}/${slot.toISOString()}` });
    expect(audit.filter((a) => a.action === "review.approved")).toHaveLength(1);

    await Promise.all([scheduler().runDue(slot), scheduler().runDue(slot)]);
    expect(postsTo("C1")).toHaveLength(1);
  });

  it("refuses a click from someone who is not a reviewer of that channel, and changes nothing", async () => {
    const sub = await subscribeWithReview();
    const slot = slotOf(sub);
    openDms(fake, 2);
    await scheduler().runDue(minutesBefore(slot, 60));
    const approve = buttonsIn(postsTo("DU1")[0]).find((b) => b.action_id === "nhsai_review_approve") as ButtonFound;
    expect(await click("U7", approve)).toMatch(/Only this channel's reviewers/);
    expect((await app.store.getReviewDraft(sub.id, slot.toISOString()))?.state).toBe("draft_sent");
    // The sentinel: a reviewer's approval after it updates both copies; the refused click updated none.
    expect(await click("U1", approve)).toMatch(/^Approved by alex/);
    await fake.waitFor(() => updates().length >= 2);
    expect(updates().map((u) => text(u).includes("Approved by alex"))).toEqual([true, true]);
  });

  it("holds and logs a slot whose draft reached no reviewer; REVIEW_UNANSWERED=post still holds it", async () => {
    const sub = await subscribeWithReview();
    const slot = slotOf(sub);
    fake.script("conversations.open", platformError("user_not_found"), platformError("user_not_found"));
    expect(await scheduler("post").runDue(minutesBefore(slot, 60))).toMatchObject({ drafts: 1 });
    expect((await app.store.getReviewDraft(sub.id, slot.toISOString()))?.state).toBe("undeliverable");
    expect(schedulerLogs).toMatch(/"event":"review\.undeliverable"/);
    expect(await scheduler("post").runDue(slot)).toMatchObject({ held: 1, sent: 0 });
    expect(postsTo("C1")).toHaveLength(0);
  });

  it("with REVIEW_UNANSWERED=post, an unanswered draft posts as drafted, once", async () => {
    const sub = await subscribeWithReview();
    const slot = slotOf(sub);
    openDms(fake, 2);
    await scheduler("post").runDue(minutesBefore(slot, 60));
    expect(await scheduler("post").runDue(slot)).toMatchObject({ sent: 1 });
    expect(postsTo("C1")).toHaveLength(1);
    expect((await app.store.listDeliveries(sub.id))[0]?.detail).toMatch(/posted unreviewed/);
    expect((await app.store.getReviewDraft(sub.id, slot.toISOString()))?.state).toBe("unreviewed");
  });
});
