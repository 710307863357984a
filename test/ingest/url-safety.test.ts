/** The URL policy against the spellings people use to reach inside addresses. */

import { expect, it } from "vitest";
import { checkUrl } from "../../src/ingest/url-safety.js";

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
