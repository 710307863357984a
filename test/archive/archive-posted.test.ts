/**
 * The archive from the real scheduler path: briefings posted to Slack (a loopback Web API) and
 * Teams (a loopback Bot Framework connector) land in the archive once per distinct briefing, their
 * pages show what was posted, and each post ends with a "View in browser" link to its page.
 */

import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ChannelPacer } from "../../adapters/slack/channel-pacer.js";
import { slackClientOptions } from "../../adapters/slack/slack-client.js";
import { SlackPoster } from "../../adapters/slack/slack-poster.js";
import { archivePageUrl } from "../../src/archive/posted-briefing.js";
import { silentLogger } from "../../src/logger.js";
import { Scheduler } from "../../src/schedules/scheduler.js";
import type { Store } from "../../src/store/store.js";
import { subscribe, twoStoryBriefings } from "../schedules/schedule-fixtures.js";
import { type FakeSlack, startFakeSlack } from "../slack/fake-slack.js";
import { embeddedHarness, type StoreHarness } from "../store/harness.js";
import {
  type ConnectorStub,
  cardText,
  installActivity,
  messageActivity,
  postActivity,
  type RunningBot,
  startBot,
  startConnectorStub,
} from "../teams/teams-harness.js";
import { type ArchiveServer, startArchiveServer } from "./archive-server.js";

const CREATED = new Date("2026-11-23T08:00:00Z");
const SLOT = new Date("2026-11-23T09:00:00Z");

const html = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
};

/** The "View in browser" link of a Slack post: `<url|View in browser>` in its Block Kit mrkdwn. */
function viewInBrowserOf(blocks: unknown): string | null {
  const match = /<([^|>]+)\|View in browser>/.exec(typeof blocks === "string" ? blocks : JSON.stringify(blocks));
  return match?.[1] ?? null;
}

describe("briefings posted to Slack by the scheduler", () => {
  let harness: StoreHarness;
  let store: Store;
  let slack: FakeSlack;
  let archive: ArchiveServer;

  beforeEach(async () => {
    harness = embeddedHarness();
    store = await harness.open(CREATED);
    slack = await startFakeSlack();
    archive = await startArchiveServer(store, twoStoryBriefings());
  });
  afterEach(async () => {
    await archive.close();
    await slack.close();
    await harness.cleanup();
  });

  const scheduler = (withLinks: boolean) => {
    const client = new webApi.WebClient("xoxb-test", slackClientOptions({ apiUrl: slack.apiUrl, timeoutMs: 2_000 }));
    const poster = new SlackPoster(client, new ChannelPacer(0), silentLogger);
    return new Scheduler({
      store,
      briefings: twoStoryBriefings(),
      posters: [poster],
      ...(withLinks ? { archivePage: (id: string) => archivePageUrl(`${archive.url}/`, id) } : {}),
    });
  };

  it("keeps one archive entry for two channels sent the same briefing, and each post links to its page", async () => {
    await subscribe(store, "weekdays at 9am", CREATED, "C1");
    await subscribe(store, "weekdays at 9am", CREATED, "C2");
    expect(await scheduler(true).runDue(SLOT)).toMatchObject({ sent: 2 });

    const posts = slack.posts();
    expect(posts.map((p) => p.args.channel).sort()).toEqual(["C1", "C2"]);
    const links = posts.map((p) => viewInBrowserOf(p.args.blocks));
    expect(links[0]).toMatch(new RegExp(`^${archive.url}/briefings/2026-11-23-[0-9a-f]{8}$`));
    expect(links[1]).toBe(links[0]);

    const { briefings, total } = await store.listPostedBriefings();
    expect(total).toBe(1);
    expect(JSON.stringify(briefings)).not.toMatch(/C1|C2|U1/);

    const list = await html(`${archive.url}/briefings`);
    expect(list.status).toBe(200);
    expect(list.body).toContain("Monday 23 November 2026");
    expect(list.body).toContain("2 stories");
    expect(list.body).toContain(`href="/briefings/${briefings[0]?.id}"`);

    const page = await html(links[0] ?? "");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<h1>☕ Coffee Time Briefing — Monday 23 November 2026</h1>");
    for (const headline of ["Trust funds AI triage", "Staff training in digital skills"])
      expect(page.body).toMatch(new RegExp(`<h2 class="nhsuk-heading-m"><a href="https://[^"]+">${headline}</a></h2>`));
    expect(page.body).toMatch(/<time datetime="2026-11-18">18 November 2026<\/time>/);
  });

  it("without PUBLIC_URL the post has no link, and the briefing is archived all the same", async () => {
    await subscribe(store, "weekdays at 9am", CREATED, "C1");
    await scheduler(false).runDue(SLOT);
    expect(viewInBrowserOf(slack.posts()[0]?.args.blocks)).toBeNull();
    expect((await store.listPostedBriefings()).total).toBe(1);
  });

  it("archives nothing when the channel refuses the post", async () => {
    await subscribe(store, "weekdays at 9am", CREATED, "C-gone");
    slack.script("chat.postMessage", (res) =>
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":false,"error":"channel_not_found"}'),
    );
    expect(await scheduler(true).runDue(SLOT)).toMatchObject({ sent: 0, paused: 1 });
    expect((await store.listPostedBriefings()).total).toBe(0);
  });
});

describe("briefings posted to Teams by the scheduler", () => {
  let connector: ConnectorStub;
  let bot: RunningBot;
  let archive: ArchiveServer;

  afterEach(async () => {
    await archive?.close();
    await bot?.close();
    await connector?.close();
  });

  it("end with a View in browser link to the page of the briefing they carried", async () => {
    connector = await startConnectorStub();
    bot = await startBot({ TEAMS_LOCAL: "1" });
    archive = await startArchiveServer(bot.store, bot.service);
    await postActivity(bot.url, installActivity(connector.url, "add"));
    await postActivity(bot.url, messageActivity(connector.url, "subscribe daily at 9am always", "channel"));
    connector.received.length = 0;
    const scheduler = new Scheduler({
      store: bot.store,
      briefings: bot.service,
      posters: [bot.platform.poster],
      archivePage: (id) => archivePageUrl(archive.url, id),
    });
    expect(await scheduler.runDue(SLOT)).toMatchObject({ sent: 1 });
    const [posted] = (await bot.store.listPostedBriefings()).briefings;
    const link = `${archive.url}/briefings/${posted?.id}`;
    // The card's last run: "View in browser", opening the page.
    expect(cardText(connector.received)).toContain(
      JSON.stringify({
        type: "TextRun",
        text: "View in browser",
        underline: true,
        selectAction: { type: "Action.OpenUrl", url: link },
      }),
    );
    const page = await html(link);
    expect(page.status).toBe(200);
    for (const item of posted?.items ?? []) expect(page.body).toContain(item.headline.replace(/&/g, "&amp;"));
  });
});
