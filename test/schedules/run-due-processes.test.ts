import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { makeDocument, paragraphs } from "../helpers/factories.js";
import { crashAt } from "../helpers/processes.js";
import { type FakeSlack, loseReply, platformError, rateLimited, startFakeSlack } from "../slack/fake-slack.js";
import { DATABASE_URL } from "../store/harness.js";
import {
  answerChannels,
  channelsOf,
  embeddedTarget,
  postgresTarget,
  runDue,
  type StoreTarget,
  summaryOf,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "./run-due-harness.js";
import { subscribe } from "./schedule-fixtures.js";

// Monday 23 November 2026 (GMT): weekdays at 9am falls at 09:00Z.
const CREATED = new Date("2026-11-23T08:00:00Z");
const SLOT = "2026-11-23T09:00:00Z";
const at = (minutes: number) => new Date(Date.parse(SLOT) + minutes * 60_000).toISOString();

const NO_POSTGRES = "no PostgreSQL: DATABASE_URL is not set (.ci/run starts a throwaway server and sets it)";

let api: FakeSlack;
let target: StoreTarget;
let store: Store;
const outputs: string[] = [];

async function run(when: string, env: Record<string, string> = {}) {
  const output = await runDue(target, api.apiUrl, when, env);
  outputs.push(output.stdout, output.stderr);
  return output;
}

async function deliveryOf(channelId: string) {
  const [sub] = await store.listSubscriptions({ channelId });
  return (await store.listDeliveries(sub?.id ?? ""))[0];
}

describe.each([
  { name: "embedded", make: async () => embeddedTarget(), skip: false },
  { name: "PostgreSQL", make: () => postgresTarget(DATABASE_URL ?? ""), skip: !DATABASE_URL },
])("run-due processes on one $name store", ({ name, make, skip }) => {
  beforeEach(async () => {
    if (skip) return;
    api = await startFakeSlack();
    target = await make();
    store = await target.open(CREATED);
  });
  afterEach(async () => {
    if (skip) return;
    await target.cleanup();
    await api.close();
  });

  it.skipIf(skip)(
    `three replicas racing, one clock 2 s fast, post each slot exactly once${skip ? ` (skipped: ${NO_POSTGRES})` : ""}`,
    async () => {
      for (const channel of ["C1", "C2", "C3"]) await subscribe(store, "weekdays at 9am", CREATED, channel);
      const results = await Promise.all([run(at(0)), run(at(0)), run(at(2 / 60))]);
      const summaries = results.map(summaryOf);
      expect(summaries.reduce((n, s) => n + Number(s.sent), 0)).toBe(3);
      expect(channelsOf(api).sort()).toEqual(["C1", "C2", "C3"]);
      // Woken again a minute later, all three find nothing to do.
      await Promise.all([run(at(1)), run(at(1)), run(at(1))]);
      expect(api.posts()).toHaveLength(3);
      for (const channel of ["C1", "C2", "C3"]) expect((await deliveryOf(channel))?.state).toBe(`sent`);
    },
    30_000,
  );

  it.skipIf(skip)("briefs on the documents ingested into the store, not only on the seeds", async () => {
    await subscribe(store, "weekdays at 9am", CREATED);
    const ingested = makeDocument({
      id: "ingested-ward-scheduling",
      title: "Northshire trust rolls out AI theatre scheduling across four hospitals",
      published: { value: "2026-11-22", precision: "day" },
      addedAt: "2026-11-22T10:00:00.000Z",
      paragraphs: paragraphs(
        "Northshire Hospitals NHS Trust has rolled out an AI theatre scheduling tool across its four hospitals.",
        "The £450,000 pilot cut cancelled operations by a fifth in its first three months.",
      ),
    });
    await store.addDocument(ingested, "test:ingest", CREATED);
    expect(summaryOf(await run(at(0)))).toMatchObject({ sent: 1 });
    expect(JSON.stringify(api.posts()[0]?.args.blocks)).toContain("Northshire trust rolls out AI theatre scheduling");
  });

  it.skipIf(skip || name !== "embedded")(
    "kill after claim: never posted; the restart makes it uncertain and never posts it",
    async () => {
      await subscribe(store, "weekdays at 9am", CREATED);
      const killed = await run(at(0), crashAt("after-claim"));
      expect(killed.signal).toBe("SIGKILL");
      expect(api.posts()).toHaveLength(0);
      expect((await deliveryOf("C1"))?.state).toBe("claimed");
      // The claim's process (this host, its pid gone) stopped: recovered at once, on start.
      expect(summaryOf(await run(at(1)))).toMatchObject({ sent: 0, recovered: 1 });
      expect(await deliveryOf("C1")).toMatchObject({
        state: "uncertain",
        detail: expect.stringMatching(/may or may not/),
      });
      expect(summaryOf(await run(at(11)))).toMatchObject({ sent: 0, recovered: 0 });
      expect(api.posts()).toHaveLength(0);
    },
    30_000,
  );

  it.skipIf(skip)(
    "kill after post, before marking sent: posted once, then uncertain, never re-posted",
    async () => {
      await subscribe(store, "weekdays at 9am", CREATED);
      expect((await run(at(0), crashAt("after-post"))).signal).toBe("SIGKILL");
      expect(api.posts()).toHaveLength(1);
      expect(summaryOf(await run(at(1)))).toMatchObject({ sent: 0, recovered: 1 });
      await run(at(15));
      expect(api.posts()).toHaveLength(1);
      expect((await deliveryOf("C1"))?.state).toBe("uncertain");
    },
    30_000,
  );

  it.skipIf(skip || name !== "embedded")(
    "kill after marking sent: a restart does nothing more",
    async () => {
      await subscribe(store, "weekdays at 9am", CREATED);
      expect((await run(at(0), crashAt("after-mark"))).signal).toBe("SIGKILL");
      expect(summaryOf(await run(at(1)))).toMatchObject({ sent: 0, recovered: 0 });
      expect(api.posts()).toHaveLength(1);
      expect((await deliveryOf("C1"))?.state).toBe("sent");
    },
    30_000,
  );

  it.skipIf(skip || name !== "embedded")(
    "a slot missed while down: posted inside the 2-hour grace, else skipped",
    async () => {
      await subscribe(store, "weekdays at 9am", CREATED, "C1");
      expect(summaryOf(await run(at(119)))).toMatchObject({ sent: 1 });
      await subscribe(store, "weekly on tuesday at 9am", CREATED, "C2");
      // Down from before 9am on Tuesday until 11.01am: both Tuesday slots are past the grace window.
      expect(summaryOf(await run("2026-11-24T11:01:00Z"))).toMatchObject({ skipped: 2, sent: 0 });
      expect(channelsOf(api)).toEqual(["C1"]);
      expect(await deliveryOf("C2")).toMatchObject({ state: "skipped", detail: expect.stringMatching(/^missed/) });
    },
    30_000,
  );

  it.skipIf(skip || name !== "embedded")(
    "a lost reply is uncertain; a channel the bot left pauses its subscription",
    async () => {
      await subscribe(store, "weekdays at 9am", CREATED, "C1");
      await subscribe(store, "weekdays at 9am", CREATED, "C2");
      answerChannels(api, { C1: loseReply, C2: platformError("not_in_channel") });
      expect(summaryOf(await run(at(0)))).toMatchObject({ uncertain: 1, paused: 1 });
      await run(at(5));
      await run(at(60));
      // C1 once (never re-posted), C2 refused once (then paused); U1, who subscribed C2, told by direct message.
      expect(channelsOf(api).sort()).toEqual(["C1", "C2", "U1"]);
      expect((await deliveryOf("C1"))?.state).toBe("uncertain");
      expect((await store.listSubscriptions({ channelId: "C2" }))[0]?.pausedReason).toMatch(/not_in_channel/);
    },
    30_000,
  );

  it.skipIf(skip || name !== "embedded")(
    "logs hold no token, secret, e-mail address or message text",
    async () => {
      await subscribe(store, "weekdays at 9am", CREATED, "C1");
      await run(at(0));
      const posted = api.posts().map((p) => String(p.args.text));
      expect(posted.length).toBeGreaterThan(0);
      const logs = outputs.join("\n");
      expect(logs).toContain("delivery.sent");
      for (const secret of [TEST_BOT_TOKEN, TEST_SIGNING_SECRET, ...posted]) expect(logs).not.toContain(secret);
      expect(logs).not.toMatch(/xox[abpr]-|xapp-|Bearer |eyJ[\w-]+\.[\w-]+\.|[\w.+-]+@[\w-]+\.[\w.]+/);
    },
    30_000,
  );
});

describe("run-due through the Slack poster", () => {
  let slack: FakeSlack;
  let local: StoreTarget;
  beforeEach(async () => {
    slack = await startFakeSlack();
    local = embeddedTarget();
  });
  afterEach(async () => {
    await local.cleanup();
    await slack.close();
  });

  it("waits out a 429's Retry-After and posts once", async () => {
    const s = await local.open(CREATED);
    await subscribe(s, "weekdays at 9am", CREATED, "C1");
    slack.script("chat.postMessage", rateLimited(1));
    const output = await runDue(local, slack.apiUrl, at(0));
    expect(summaryOf(output)).toMatchObject({ sent: 1 });
    // The first try is answered 429; the one post follows a second later.
    const [refused, posted] = slack.posts();
    expect(channelsOf(slack)).toEqual(["C1", "C1"]);
    expect((posted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(output.stderr).toContain("rate_limited");
  }, 30_000);
});
