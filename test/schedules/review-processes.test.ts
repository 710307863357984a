/**
 * Exactly once for reviewed slots across crashes: `nhsai run-due` processes on one embedded store,
 * posting through the real Slack platform to a loopback Slack, killed with SIGKILL (as `kill -9`
 * would) between sending a reviewer their draft and recording it, and between an approval and
 * the post being recorded. No reviewer ever gets a draft twice; the channel never gets two posts.
 */

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { crashAt, outputOf } from "../helpers/processes.js";
import { type FakeSlack, startFakeSlack } from "../slack/fake-slack.js";
import { openDms } from "../slack/slack-dms.js";
import { DATABASE_URL } from "../store/harness.js";
import { embeddedTarget, postgresTarget, runDue, type StoreTarget, spawnNhsai, summaryOf } from "./run-due-harness.js";

// Monday 23 November 2026 (GMT): weekdays at 9am falls at 09:00Z; its draft is due from 08:00Z.
const CREATED = new Date("2026-11-23T07:30:00Z");
const SLOT = "2026-11-23T09:00:00.000Z";
const at = (minutes: number) => new Date(Date.parse(SLOT) + minutes * 60_000).toISOString();
const ENV = { EDITORS: "slack:U2" };

let fake: FakeSlack;
let target: StoreTarget;
let store: Store;
let subscriptionId: string;

const run = (when: string, env: Record<string, string> = {}) => runDue(target, fake.apiUrl, when, { ...ENV, ...env });
const postsTo = (channel: string) => fake.posts().filter((c) => c.args.channel === channel);

describe.each([
  { name: "embedded", make: async () => embeddedTarget(), skip: false },
  { name: "PostgreSQL", make: () => postgresTarget(DATABASE_URL ?? ""), skip: !DATABASE_URL },
])("reviewed slots across kill -9 on one $name store", ({ make, skip }) => {
  beforeEach(async () => {
    if (skip) return;
    fake = await startFakeSlack();
    target = await make();
    store = await target.open(CREATED);
    const saved = await store.saveSubscription(
      {
        platform: "slack",
        channelId: "C1",
        schedule: "weekdays at 09:00",
        topics: [],
        whenNothingNew: "silent",
        review: true,
        timeZone: "Europe/London",
      },
      "slack:U1",
      CREATED,
    );
    subscriptionId = saved.subscription.id;
  });
  afterEach(async () => {
    if (skip) return;
    await target.cleanup();
    await fake.close();
  });

  it.skipIf(skip)(
    "killed between sending a draft and recording it: the next run sends the others theirs, and nobody gets two",
    async () => {
      openDms(fake, 4);
      const killed = await run(at(-59), crashAt("after-draft-send"));
      expect(killed.signal).toBe("SIGKILL");
      expect(postsTo("DU1")).toHaveLength(1);
      expect(postsTo("DU2")).toHaveLength(0);
      expect((await store.getReviewDraft(subscriptionId, SLOT))?.state).toBe("drafting");

      expect(summaryOf(await run(at(-58)))).toMatchObject({ drafts: 1 });
      expect(summaryOf(await run(at(-57)))).toMatchObject({ drafts: 0 });
      expect(postsTo("DU1")).toHaveLength(1);
      expect(postsTo("DU2")).toHaveLength(1);
      const draft = await store.getReviewDraft(subscriptionId, SLOT);
      expect(draft?.state).toBe("draft_sent");
      expect(draft?.messages.map((m) => `${m.reviewer} ${m.state}`)).toEqual(["slack:U1 uncertain", "slack:U2 sent"]);
    },
    30_000,
  );

  it.skipIf(skip)(
    "killed between an approval's post and its record: posted once, never again",
    async () => {
      openDms(fake, 2);
      expect(summaryOf(await run(at(-59)))).toMatchObject({ drafts: 1 });
      expect(
        await store.setReviewState(
          subscriptionId,
          SLOT,
          { from: ["draft_sent"], to: "approved", decidedBy: "alex" },
          "slack:U1",
          new Date(at(-30)),
        ),
      ).toBe(true);
      expect((await run(at(0), crashAt("after-post"))).signal).toBe("SIGKILL");
      expect(postsTo("C1")).toHaveLength(1);
      expect(summaryOf(await run(at(1)))).toMatchObject({ sent: 0, recovered: 1 });
      await run(at(15));
      expect(postsTo("C1")).toHaveLength(1);
      expect((await store.listDeliveries(subscriptionId))[0]?.state).toBe("uncertain");
    },
    30_000,
  );

  it.skipIf(skip)(
    "a run at the slot with nobody's approval holds it, tells the reviewers, and `schedules --json` says held",
    async () => {
      openDms(fake, 4);
      await run(at(-59));
      expect(summaryOf(await run(at(0)))).toMatchObject({ held: 1, sent: 0 });
      expect(postsTo("C1")).toHaveLength(0);
      expect(JSON.stringify(postsTo("DU1").at(-1)?.args.blocks)).toMatch(/Briefing held/);
      const listed = await outputOf(spawnNhsai(["schedules", "--json"], target, fake.apiUrl));
      const [view] = JSON.parse(listed.stdout).subscriptions;
      expect(view).toMatchObject({ review: true, reviewState: { slot: SLOT, state: "held" } });
    },
    30_000,
  );
});
