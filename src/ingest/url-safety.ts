/**
 * Which URLs ingestion may fetch. Only http(s); never link-local or cloud metadata addresses (a
 * feed URL must not be a way to read the host's credentials); private, loopback and other
 * non-public addresses only when INGEST_ALLOW_PRIVATE allows them. Host names are checked after
 * DNS resolution, every address they resolve to, so a public name cannot point inside.
 */

import ipaddr from "ipaddr.js";

/** Resolves a host name to its addresses (node:dns `lookup` with `all: true` in production). */
export type ResolveHost = (host: string) => Promise<string[]>;

export interface UrlPolicy {
  /** INGEST_ALLOW_PRIVATE: loopback and private networks allowed (tests, intranet feeds). */
  allowPrivate: boolean;
  resolve: ResolveHost;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** Ranges refused even when private addresses are allowed: metadata services live here. */
const ALWAYS_REFUSED = new Set(["linkLocal", "unspecified", "broadcast", "multicast"]);
/** Names of metadata services that resolve inside the cloud. */
const METADATA_HOSTS = new Set(["metadata.google.internal", "metadata", "instance-data"]);

/** Parses and checks `raw`; resolves the host unless it is an address already. */
export async function checkUrl(raw: string, policy: UrlPolicy): Promise<UrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "is not a URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return { ok: false, reason: `uses ${url.protocol.replace(":", "")}:, and only http and https are read` };
  if (url.username || url.password) return { ok: false, reason: "carries a user name or password" };
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (METADATA_HOSTS.has(host.toLowerCase())) return { ok: false, reason: "is a cloud metadata address" };
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = await policy.resolve(host);
    } catch (error) {
      return { ok: false, reason: `host ${host} could not be resolved (${codeOf(error)})` };
    }
    if (addresses.length === 0) return { ok: false, reason: `host ${host} has no address` };
  }
  for (const address of addresses) {
    const refusal = refuseAddress(address, policy.allowPrivate);
    if (refusal) return { ok: false, reason: `${host === address ? "" : `resolves to ${address}, `}${refusal}` };
  }
  return { ok: true, url };
}

/** Why an address may not be fetched, or null when it may. */
export function refuseAddress(address: string, allowPrivate: boolean): string | null {
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range === "unicast") return null;
  if (ALWAYS_REFUSED.has(range)) return `a ${describe(range)} address, which is never read`;
  if (allowPrivate) return null;
  return `a ${describe(range)} address, which is read only with INGEST_ALLOW_PRIVATE=1`;
}

function describe(range: string): string {
  const names: Record<string, string> = {
    linkLocal: "link-local (cloud metadata)",
    loopback: "loopback",
    private: "private",
    uniqueLocal: "private",
    carrierGradeNat: "shared (carrier-grade NAT)",
    unspecified: "unspecified",
  };
  return names[range] ?? `reserved (${range})`;
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
}
