/**
 * Which URLs ingestion may fetch. Only http(s), with no user name or password; never cloud
 * metadata addresses (a feed URL must not be a way to read the host's credentials) nor special
 * ranges that are no real destination (link-local, multicast, documentation, reserved); private
 * and loopback networks only when INGEST_ALLOW_PRIVATE allows them. Host names are checked after
 * DNS resolution, every address they resolve to, so a public name cannot point inside; IPv6 forms
 * that carry an IPv4 address are judged by that address.
 */

import type ipaddr from "ipaddr.js";
import { loadLazily } from "../load-lazily.js";

/** Resolves a host name to its addresses (node:dns `lookup` with `all: true` in production). */
type ResolveHost = (host: string) => Promise<string[]>;

export interface UrlPolicy {
  /** INGEST_ALLOW_PRIVATE: loopback and private networks allowed (tests, intranet feeds). */
  allowPrivate: boolean;
  resolve: ResolveHost;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/**
 * Special-purpose ranges (ipaddr.js names, covering the IANA IPv4 and IPv6 special-purpose
 * registries) that INGEST_ALLOW_PRIVATE opens: the networks an intranet feed can live on. Every
 * other special range (link-local, multicast, documentation, benchmarking, reserved…) is never read.
 */
const OPENED_BY_ALLOW_PRIVATE = new Set([
  "loopback",
  "private",
  "uniqueLocal",
  "carrierGradeNat",
  "deprecatedSiteLocal",
]);

/**
 * Cloud metadata services, which hand out the host's credentials: never read, whatever the setting
 * (AWS/GCP/Azure/OCI 169.254.169.254, AWS's IPv6 one, Alibaba's, Azure's wire server).
 */
const METADATA_ADDRESSES = ["169.254.169.254", "fd00:ec2::254", "100.100.100.200", "168.63.129.16"];
/** ipaddr.js, required on first use (see load-lazily.ts). */
const ipaddrLib = loadLazily<typeof ipaddr>("ipaddr.js");

/** Names of metadata services that resolve inside the cloud. */
const METADATA_HOSTS = new Set([
  "metadata.google.internal",
  "metadata.goog",
  "metadata",
  "instance-data",
  "instance-data.ec2.internal",
]);

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
  if (ipaddrLib().isValid(host)) addresses = [host];
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
    if (refusal) return { ok: false, reason: `${host === address ? "is " : `resolves to ${address}, `}${refusal}` };
  }
  return { ok: true, url };
}

/**
 * Why an address may not be fetched, or null when it may. An IPv6 address that carries an IPv4 one
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) is judged by the IPv4 address it reaches.
 */
export function refuseAddress(address: string, allowPrivate: boolean): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddrLib().parse(address);
  } catch {
    return "not an IP address";
  }
  return judge(parsed, allowPrivate);
}

function judge(address: ipaddr.IPv4 | ipaddr.IPv6, allowPrivate: boolean): string | null {
  if (
    METADATA_ADDRESSES.map((a) => ipaddrLib().parse(a)).some(
      (m) => m.kind() === address.kind() && m.toNormalizedString() === address.toNormalizedString(),
    )
  )
    return "a cloud metadata address, which is never read";
  const carried = address.kind() === "ipv6" ? carriedIPv4(address as ipaddr.IPv6) : [];
  if (carried.length > 0) {
    for (const inner of carried) {
      const refusal = judge(inner, allowPrivate);
      if (refusal) return `${refusal.replace(/^an? /, "an IPv6 form of a ")}`;
    }
    return null;
  }
  const range = address.range();
  if (range === "unicast") return null;
  if (!OPENED_BY_ALLOW_PRIVATE.has(range)) return `a ${describe(range)} address, which is never read`;
  if (allowPrivate) return null;
  return `a ${describe(range)} address, which is read only with INGEST_ALLOW_PRIVATE=1`;
}

/** The IPv4 addresses an IPv6 address stands for, where it is one of the forms that embed one. */
function carriedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const bytes = address.toByteArray();
  const v4 = (at: number, mask = 0) =>
    new (ipaddrLib().IPv4)(bytes.slice(at, at + 4).map((b) => (b ^ mask) & 0xff) as [number, number, number, number]);
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  switch (address.range()) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
    case "rfc6052": // NAT64 64:ff9b::a.b.c.d (and the local-use 64:ff9b:1::/48, same place)
      return [v4(12)];
    case "6to4": // 2002:aabb:ccdd::
      return [v4(2)];
    case "teredo": // 2001:0:server:flags:port:client, the client address inverted
      return [v4(4), v4(12, 0xff)];
    default:
      // IPv4-compatible ::a.b.c.d (deprecated, but still routed by some stacks); :: and ::1 are not.
      return zeros(0, 12) && !zeros(12, 15) ? [v4(12)] : [];
  }
}

function describe(range: string): string {
  const names: Record<string, string> = {
    linkLocal: "link-local (cloud metadata)",
    broadcast: "broadcast",
    multicast: "multicast",
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
