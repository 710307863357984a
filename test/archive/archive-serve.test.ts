/** The archive as `nhsai serve` mounts it (the built CLI, a temp store): on by default, ARCHIVE=off, ARCHIVE_TOKEN, bad values. */

import { describe, expect, it } from "vitest";
import { serveUntilExit, startServe } from "../teams/serve-process.js";

describe("nhsai serve and the archive", () => {
  it("serves the pages beside /healthz, and with ARCHIVE=off answers them 404 like any unknown path", async () => {
    const on = await startServe({});
    try {
      const list = await fetch(`http://127.0.0.1:${on.port}/briefings`);
      expect(list.status).toBe(200);
      expect(list.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await list.text()).toContain("No briefing has been posted yet.");
      expect((await fetch(`http://127.0.0.1:${on.port}/healthz`)).status).toBe(200);
    } finally {
      await on.stop();
    }
    const off = await startServe({ ARCHIVE: "off" });
    try {
      for (const path of ["/briefings", "/library?q=funding", "/assets/nhsuk-frontend.min.css"]) {
        const res = await fetch(`http://127.0.0.1:${off.port}${path}`);
        expect(res.status, path).toBe(404);
        expect(await res.json()).toEqual({ error: "not found" });
      }
    } finally {
      await off.stop();
    }
  }, 30_000);

  it("asks for ARCHIVE_TOKEN when it is set", async () => {
    const serve = await startServe({ ARCHIVE_TOKEN: "a-long-enough-archive-token" });
    try {
      expect((await fetch(`http://127.0.0.1:${serve.port}/briefings`)).status).toBe(401);
      const res = await fetch(`http://127.0.0.1:${serve.port}/briefings`, {
        headers: { authorization: "Bearer a-long-enough-archive-token" },
      });
      expect(res.status).toBe(200);
    } finally {
      await serve.stop();
    }
  }, 30_000);

  it("refuses to start on a bad ARCHIVE or PUBLIC_URL, naming the variable in one line", async () => {
    const archive = await serveUntilExit({ ARCHIVE: "maybe" });
    expect(archive.code).toBe(1);
    expect(archive.stderr).toBe('nhsai serve: ARCHIVE must be on or off (got "maybe")\n');
    const url = await serveUntilExit({ PUBLIC_URL: "nhsai.example.nhs.uk" });
    expect(url.code).toBe(1);
    expect(url.stderr).toBe('nhsai serve: PUBLIC_URL must be an http(s) URL (got "nhsai.example.nhs.uk")\n');
  }, 30_000);
});
