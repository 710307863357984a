import { describe, expect, it } from "vitest";
import { Pacer, type PacerClock, TEAMS_CONVERSATION_LIMITS } from "../../adapters/teams/pacer.js";

/** A clock that only moves when the pacer sleeps: 2,000 sends take no real time. */
function fakeClock(): PacerClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

function maxInAnyWindow(times: number[], ms: number): number {
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while ((times[j] as number) - (times[i] as number) >= ms) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

describe("per-conversation pacing", () => {
  it("keeps 2,000 sends to one conversation inside every Teams window", async () => {
    const clock = fakeClock();
    const pacer = new Pacer(TEAMS_CONVERSATION_LIMITS, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 2_000 }, () => pacer.run("c1", async () => times.push(clock.t))));
    expect(times).toHaveLength(2_000);
    for (const limit of TEAMS_CONVERSATION_LIMITS)
      expect(maxInAnyWindow(times, limit.ms)).toBeLessThanOrEqual(limit.count);
    // 1,800 an hour is the binding limit: the 1,801st waits for the first hour to pass.
    expect(times.at(-1)).toBeGreaterThanOrEqual(3_600_000);
  });

  it("does not make one conversation wait for another", async () => {
    const clock = fakeClock();
    const pacer = new Pacer(TEAMS_CONVERSATION_LIMITS, clock);
    for (let i = 0; i < 60; i++) await pacer.run("busy", async () => undefined);
    const before = clock.t;
    await pacer.run("quiet", async () => undefined);
    expect(clock.t).toBe(before);
  });

  it("keeps going after a send that throws", async () => {
    const pacer = new Pacer(TEAMS_CONVERSATION_LIMITS, fakeClock());
    await expect(pacer.run("c", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(pacer.run("c", async () => "ok")).resolves.toBe("ok");
  });
});
