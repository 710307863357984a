/**
 * The connection-time DNS check: even when the check before the request was told a public
 * address (as a rebinding DNS server would answer first), the socket's own lookup is refused.
 */

import { afterEach, beforeEach, expect, it } from "vitest";
import { guardedFetch } from "../../adapters/cli/guarded-fetch.js";
import { DEFAULT_FETCH_LIMITS, fetchSafely } from "../../src/ingest/fetch-safely.js";
import { type FixtureSite, startFixtureSite } from "../ingest/fixture-site.js";

let site: FixtureSite;
beforeEach(async () => {
  site = await startFixtureSite();
});
afterEach(async () => {
  await site.close();
});

const port = () => new URL(site.base).port;
const deps = (allowPrivate: boolean) => ({
  fetch: guardedFetch(allowPrivate),
  // The first answer says "public"; the connection's own lookup finds loopback.
  resolve: async () => ["93.184.215.14"],
  allowPrivate,
  limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: 5_000 },
});

it("refuses at connection time a name that now resolves to loopback, before any request is sent", async () => {
  const result = await fetchSafely(`http://localhost:${port()}/a/feed.rss`, deps(false));
  expect(result).toMatchObject({
    status: "failed",
    reason: expect.stringMatching(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/),
  });
  expect(site.hits.size).toBe(0);
});

it("connects when INGEST_ALLOW_PRIVATE allows the address", async () => {
  const result = await fetchSafely(`http://localhost:${port()}/a/feed.rss`, deps(true));
  // The fixture listens on 127.0.0.1 only; localhost may resolve to ::1 first on some hosts.
  expect(result.status === "ok" || (result.status === "failed" && /ECONNREFUSED/.test(result.reason))).toBe(true);
});
