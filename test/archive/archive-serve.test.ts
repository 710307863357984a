/**
 * The archive through the built CLI: `nhsai serve` mounts the pages (on by default, ARCHIVE=off,
 * ARCHIVE_TOKEN, bad values), and `nhsai run-due` processes racing on one store post with the
 * View in browser link and archive each briefing once.
 */

import { describe, expect, it } from "vitest";
import { embeddedTarget, runDue, summaryOf } from "../schedules/run-due-harness.js";
import { subscribe } from "../schedules/schedule-fixtures.js";
import { startFakeSlack } from "../slack/fake-slack.js";
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

describe("nhsai run-due and the archive", () => {
  it("three racing processes post each channel once, each post linking to the one archive entry", async () => {
    const api = await startFakeSlack();
    const target = embeddedTarget();
    try {
      const created = new Date("2026-11-23T08:00:00Z");
      const store = await target.open(created);
      for (const channel of ["C1", "C2"]) await subscribe(store, "weekdays at 9am", created, channel);
      const env = { PUBLIC_URL: "https://nhsai.example.nhs.uk/" };
      const runs = await Promise.all([1, 2, 3].map(() => runDue(target, api.apiUrl, "2026-11-23T09:00:00Z", env)));
      expect(runs.map(summaryOf).reduce((sent, s) => sent + Number(s.sent), 0)).toBe(2);
      const { briefings, total } = await store.listPostedBriefings();
      expect(total).toBe(1);
      const link = `<https://nhsai.example.nhs.uk/briefings/${briefings[0]?.id}|View in browser>`;
      expect(
        api
          .posts()
          .map((p) => [p.args.channel, JSON.stringify(p.args.blocks).includes(link)])
          .sort(),
      ).toEqual([
        ["C1", true],
        ["C2", true],
      ]);
    } finally {
      await target.cleanup();
      await api.close();
    }
  }, 60_000);
});
