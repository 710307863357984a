/** The store's part of `/healthz`: small, and without hosts or paths, since the route may be public. */

import type { Store, StoreBackend, StoreState } from "./store.js";

export interface StoreHealthSummary {
  backend: StoreBackend;
  state: StoreState;
  schemaVersion: number | null;
}

/**
 * Checks the store within `timeoutMs` (a load balancer waits only seconds); a store that does not
 * answer in time is unreachable. `serving` is false when requests would fail: a newer schema,
 * migrated by a newer replica during a rolling deploy, still serves.
 */
export async function summariseStoreHealth(
  store: Store,
  timeoutMs: number,
): Promise<{ serving: boolean; summary: StoreHealthSummary }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const health = await Promise.race([store.health(), late]);
  clearTimeout(timer);
  const state: StoreState = health?.state ?? "unreachable";
  return {
    serving: state === "ok" || state === "newer_schema",
    summary: { backend: store.backend, state, schemaVersion: health?.schemaVersion ?? null },
  };
}
