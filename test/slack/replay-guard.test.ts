/** The replay guard fails closed: a request whose key the store cannot record is refused, not answered. */
import { describe, expect, it } from "vitest";
import { RETRY_LATER, ReplayGuard } from "../../adapters/slack/replay-guard.js";
import type { LogFields } from "../../src/logger.js";
import type { HandledEvents } from "../../src/store/store.js";

const lockedStore: HandledEvents = {
  markEventHandled: () => Promise.reject(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })),
  markEventsHandled: () => Promise.reject(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })),
};

function guardOn(store: HandledEvents) {
  const logged: Array<[string, LogFields | undefined]> = [];
  const log = {
    debug() {},
    info() {},
    warn() {},
    error: (event: string, fields?: LogFields) => logged.push([event, fields]),
  };
  return { guard: new ReplayGuard(store, () => new Date(), log), logged };
}

/** Runs Bolt-shaped arguments through the guard's middleware on the locked store: what was acknowledged, and whether the listener ran. */
async function throughMiddleware(args: Record<string, unknown>): Promise<{ acks: unknown[]; ran: boolean }> {
  const { guard } = guardOn(lockedStore);
  const acks: unknown[] = [];
  let ran = false;
  await guard.middleware()({
    ...args,
    ack: async (response?: unknown) => {
      acks.push(response);
    },
    next: async () => {
      ran = true;
    },
  } as never);
  return { acks, ran };
}

describe("ReplayGuard with a store that cannot record", () => {
  it("refuses the request and logs why, rather than answering it unrecorded", async () => {
    const { guard, logged } = guardOn(lockedStore);
    expect(await guard.admit({ event_id: "Ev1" }, undefined, {})).toBe("unrecorded");
    expect(logged).toEqual([["slack.replay_store_failed", { error: "Error", code: "SQLITE_BUSY", action: "refused" }]]);
  });

  it("as Socket Mode middleware, acknowledges a command with 'try again' and does not run it", async () => {
    const { acks, ran } = await throughMiddleware({
      body: {},
      command: { command: "/nhsai", text: "subscribe" },
      context: { replayKey: "trigger:1" },
    });
    expect(ran).toBe(false);
    expect(acks).toEqual([{ response_type: "ephemeral", text: RETRY_LATER }]);
  });

  it("as Socket Mode middleware, acknowledges an event without running it (dropped and logged)", async () => {
    const { acks, ran } = await throughMiddleware({ body: { event_id: "Ev2" }, context: {} });
    expect(ran).toBe(false);
    expect(acks).toEqual([undefined]);
  });
});
