/** The URL policy against the spellings people use to reach inside addresses. */

import { describe, expect, it } from "vitest";
import { checkUrl, refuseAddress } from "../../src/ingest/url-safety.js";

/** DNS as an attacker would like it: every name resolves to loopback. */
const strict = { allowPrivate: false, resolve: async () => ["127.0.0.1"] };
const permissive = { allowPrivate: true, resolve: async () => ["127.0.0.1"] };

it.each([
  "http://2130706433/",
  "http://0x7f.1/",
  "http://0177.0.0.1/",
  "http://127.1/",
  "http://[::1]/",
  "http://[::ffff:127.0.0.1]/",
  "http://[::ffff:7f00:1]/",
  "http://localhost./",
  "http://10.1.2.3:8080/feed",
  "http://192.168.0.1/",
  "http://100.64.0.1/",
])("refuses %s without INGEST_ALLOW_PRIVATE", async (url) => {
  expect(await checkUrl(url, strict)).toMatchObject({ ok: false });
});

it.each([
  "http://169.254.169.254/latest/meta-data/",
  "http://[fe80::1%25eth0]/",
  "http://0.0.0.0/",
  "http://[::]/",
  "http://224.0.0.1/",
  "http://metadata.google.internal./computeMetadata/v1/",
  "ftp://example.org/feed.xml",
  "gopher://example.org/",
  "javascript:alert(1)",
  "data:text/html,hi",
  "not a url",
])("refuses %s even with INGEST_ALLOW_PRIVATE", async (url) => {
  expect(await checkUrl(url, permissive)).toMatchObject({ ok: false });
});

it("allows public addresses, whatever the port or letter case", async () => {
  const publicDns = {
    allowPrivate: false,
    resolve: async () => ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
  };
  for (const url of ["https://NEWS.example:8443/feed.xml", "http://news.example/a?b=c#d"])
    expect(await checkUrl(url, publicDns)).toMatchObject({ ok: true });
});

/** Every IPv6 spelling that reaches an IPv4 address, and the metadata services' addresses. */
describe("addresses, as DNS or a URL gives them", () => {
  it.each([
    // IPv4-compatible (::a.b.c.d): loopback and link-local metadata.
    ["::7f00:1", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["::a9fe:a9fe", "metadata"],
    // IPv4-mapped and RFC 6145 translated.
    ["::ffff:a9fe:a9fe", "metadata"],
    ["::ffff:0:7f00:1", "loopback"],
    // NAT64 (well-known and local-use prefixes).
    ["64:ff9b::a9fe:a9fe", "metadata"],
    ["64:ff9b::7f00:1", "loopback"],
    ["64:ff9b:1::a00:1", "private"],
    // 6to4 and Teredo (the client address is stored inverted).
    ["2002:a9fe:a9fe::1", "metadata"],
    ["2002:7f00:1::", "loopback"],
    ["2001:0:4136:e378:8000:63bf:5601:5601", "metadata"],
    // The metadata services themselves.
    ["169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["168.63.129.16", "metadata"],
    // Other special-purpose ranges that are never a real destination.
    ["169.254.1.1", "never"],
    ["fe80::1", "never"],
    ["192.0.2.10", "never"],
    ["198.18.0.1", "never"],
    ["240.0.0.1", "never"],
    ["255.255.255.255", "never"],
    ["2001:db8::1", "never"],
    ["100::1", "never"],
    ["ff02::1", "never"],
    ["::", "never"],
  ])("%s is refused (%s)", (address, kind) => {
    const strictRefusal = refuseAddress(address, false);
    const permissiveRefusal = refuseAddress(address, true);
    expect(strictRefusal).not.toBeNull();
    if (kind === "loopback" || kind === "private") {
      expect(strictRefusal).toMatch(/INGEST_ALLOW_PRIVATE/);
      expect(permissiveRefusal).toBeNull();
    } else {
      expect(strictRefusal).toMatch(/never read/);
      expect(permissiveRefusal).toBe(strictRefusal);
      if (kind === "metadata") expect(strictRefusal).toMatch(/cloud metadata|link-local/);
    }
  });

  it.each([
    "93.184.215.14",
    "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
    "::ffff:93.184.215.14",
    "64:ff9b::5db8:d70e",
    "2002:5db8:d70e::1",
    "100.64.0.1",
  ])("%s is read when public (or shared address space with INGEST_ALLOW_PRIVATE)", (address) => {
    expect(refuseAddress(address, true)).toBeNull();
  });

  it("checks URLs the same way, resolved or literal, with the metadata deny list never opened", async () => {
    const metadataDns = { allowPrivate: true, resolve: async () => ["fd00:ec2::254"] };
    expect(await checkUrl("http://news.example/feed", metadataDns)).toMatchObject({
      ok: false,
      reason: "resolves to fd00:ec2::254, a cloud metadata address, which is never read",
    });
    for (const url of [
      "http://[::7f00:1]/",
      "http://[64:ff9b::a9fe:a9fe]/",
      "http://100.100.100.200/",
      "http://168.63.129.16/",
    ])
      expect(await checkUrl(url, permissive)).toMatchObject({ ok: url.includes("7f00") });
  });
});
