/** The store's part of `/healthz`: small, and without hosts or paths, since the route may be public. */

import type { HealthOptions, Store, StoreBackend, StoreState } from "./store.js";

export interface StoreHealthSummary {
  backend: StoreBackend;
  state: StoreState;
  schemaVersion: number | null;
}

/** Each failing state in words safe for a public route (the store's own `problem` may name paths and hosts). */
const REASONS: Record<Exclude<StoreState, "ok" | "newer_schema">, string> = {
  unreachable: "the store cannot be reached, or another process holds its lock",
  read_only: "the store refuses writes",
  not_migrated: "the store's schema is older than this nhsai",
  damaged: "the store's file is damaged",
  disk_full: "the disk holding the store is full or nearly full",
};

/**
 * Checks the store within `timeoutMs` (a load balancer waits only seconds); a store that does not
 * answer in time is unreachable. `serving` is false when requests would fail: a newer schema,
 * migrated by a newer replica during a rolling deploy, still serves. `reason` says why not.
 */
export async function summariseStoreHealth(
  store: Store,
  timeoutMs: number,
  options: HealthOptions = {},
): Promise<{ serving: boolean; summary: StoreHealthSummary; reason?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const health = await Promise.race([store.health(options), late]);
  clearTimeout(timer);
  const state: StoreState = health?.state ?? "unreachable";
  const summary = { backend: store.backend, state, schemaVersion: health?.schemaVersion ?? null };
  if (state === "ok" || state === "newer_schema") return { serving: true, summary };
  return { serving: false, summary, reason: health ? REASONS[state] : "the store did not answer in time" };
}
