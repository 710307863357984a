/** /healthz's cached state: a probe never waits on the check, and a check that fails says degraded. */
import { describe, expect, it } from "vitest";
import type { HealthStatus } from "../../adapters/http/server.js";
import { HealthMonitor } from "../../adapters/serve/health.js";

const status = (state: "ok" | "unreachable"): HealthStatus => ({
  status: state === "ok" ? "ok" : "degraded",
  platforms: [],
  documents: 1,
  store: { backend: "embedded", state, schemaVersion: 2 },
});

describe("HealthMonitor", () => {
  it("answers from the last check at once while a new check hangs, then from the new one", async () => {
    let clock = 0;
    let release: (s: HealthStatus) => void = () => {};
    const answers: Promise<HealthStatus>[] = [Promise.resolve(status("ok"))];
    const monitor = new HealthMonitor({
      check: () => answers.shift() ?? new Promise((resolve) => (release = resolve)),
      everyMs: 60_000,
      staleAfterMs: 1_000,
      now: () => clock,
    });
    await monitor.start();
    expect(monitor.current().status).toBe("ok");
    clock = 5_000; // stale: this probe starts a check that does not finish
    expect(monitor.current().status).toBe("ok");
    expect(monitor.current().status).toBe("ok");
    release(status("unreachable"));
    await monitor.refresh();
    expect(monitor.current()).toMatchObject({ status: "degraded", store: { state: "unreachable" } });
    monitor.stop();
  });

  it("says degraded, with a reason, when the check itself throws", async () => {
    let calls = 0;
    const monitor = new HealthMonitor({
      check: async () => {
        calls++;
        if (calls > 1) throw new Error("check broke");
        return status("ok");
      },
      everyMs: 60_000,
      staleAfterMs: 0,
    });
    await monitor.start();
    await monitor.refresh();
    expect(monitor.current()).toMatchObject({ status: "degraded", reason: "health could not be checked" });
    monitor.stop();
  });
});
