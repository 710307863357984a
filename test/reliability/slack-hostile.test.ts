/**
 * Hostile input on the Slack door: signed requests (so they pass the signature and reach Bolt and
 * our listeners) carrying malformed payloads, missing fields, wrong types, huge text and injection.
 * The process must survive, answer each with a 2xx or 4xx (never a 5xx or a hang), post nothing
 * that Slack would act on (no raw <!channel> or <@U…>), and change nothing the bot keeps.
 */

import { fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlack, startFakeSlack } from "../slack/fake-slack.js";
import { type RunningSlackApp, startSlackApp } from "../slack/slack-app.js";
import { commandBody, dmEvent, eventBody, mentionEvent, signedHeaders } from "../slack/slack-requests.js";
import {
  freshConnections,
  hostileSeed,
  NASTY_TEXT,
  RAW_SLACK_CONTROL,
  randomJson,
  randomTexts,
  storeFingerprint,
} from "./hostile-corpus.js";

const seed = hostileSeed("slack-hostile");
let fake: FakeSlack;
let app: RunningSlackApp;
let before = "";

/** Signed as Slack signs, on a new connection per request (see freshConnections). */
async function postSigned(url: string, body: string) {
  const started = performance.now();
  const res = await fetch(url, { method: "POST", body, headers: signedHeaders(body), dispatcher: freshConnections });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started, json: () => JSON.parse(text) };
}

beforeAll(async () => {
  fake = await startFakeSlack();
  app = await startSlackApp(fake, { env: { LOG_LEVEL: "info" } });
  before = storeFingerprint(app.dataDir);
});
afterAll(async () => {
  await app.stop();
  await fake.close();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const interaction = (payload: string) => form({ payload });

/** Signed bodies whose shape is wrong: each must be answered 2xx/4xx with nothing done. */
const MALFORMED: ReadonlyArray<readonly [string, string]> = [
  ["payload that is not JSON", interaction("{")],
  ["payload null", interaction("null")],
  ["payload an array", interaction("[]")],
  ["payload a number", interaction("42")],
  ["block_actions without actions or user", interaction(JSON.stringify({ type: "block_actions" }))],
  [
    "block_actions with actions of the wrong type",
    interaction(JSON.stringify({ type: "block_actions", actions: "run", user: { id: 5 }, team: null })),
  ],
  [
    "block_actions with an action of wrong-typed fields",
    interaction(
      JSON.stringify({
        type: "block_actions",
        user: { id: "U1" },
        team: { id: "T1" },
        channel: { id: ["C1"] },
        response_url: 7,
        actions: [{ action_id: 5, value: { x: 1 }, block_id: null }],
      }),
    ),
  ],
  [
    "block_actions naming our buttons with nonsense values",
    interaction(
      JSON.stringify({
        type: "block_actions",
        user: { id: "U1" },
        team: { id: "T1" },
        channel: { id: "C1" },
        actions: ["nhsai_share", "nhsai_more", "nhsai_feedback_up", "nhsai_review_approve"].map((action_id) => ({
          type: "button",
          action_id,
          value: "\u0000{not json",
        })),
      }),
    ),
  ],
  ["a view_submission we never opened", interaction(JSON.stringify({ type: "view_submission", view: null }))],
  ["a shortcut with no callback", interaction(JSON.stringify({ type: "shortcut" }))],
  ["a form with only a command", form({ command: "/nhsai" })],
  ["a command with text given twice", "command=%2Fnhsai&text=help&text=funding&user_id=U1&channel_id=C1"],
  ["a command from no user in no channel", form({ command: "/nhsai", text: "subscribe weekdays at 9am" })],
  ["another app's command", form({ command: "/other", text: "help", user_id: "U1", channel_id: "C1" })],
  ["JSON that is not JSON", "{"],
  ["JSON null", "null"],
  ["JSON array", "[1,2]"],
  ["an event callback with no event", JSON.stringify({ type: "event_callback", event_id: "EvX1" })],
  ["an event callback whose event is null", JSON.stringify({ type: "event_callback", event_id: "EvX2", event: null })],
  ["an event of a type we never asked for", eventBody({ type: "file_shared", file_id: { a: 1 } })],
  ["a message event whose text is a number", eventBody(dmEvent("x", { text: 12345 }))],
  ["a message event whose user is an object", eventBody(dmEvent("help", { user: { id: "U1" } }))],
  ["a message event with no channel", eventBody({ type: "message", channel_type: "im", user: "U1", text: "help" })],
  ["a mention with blocks of the wrong shape", eventBody(mentionEvent("help", { blocks: "nope" }))],
  ["a url_verification with no challenge", JSON.stringify({ type: "url_verification" })],
  [
    "a url_verification whose challenge is an object",
    JSON.stringify({ type: "url_verification", challenge: { a: 1 } }),
  ],
  ["an unknown envelope type", JSON.stringify({ type: "something_new", payload: {} })],
  [
    "Slack's rate-limit notice with a nonsense minute",
    JSON.stringify({ type: "app_rate_limited", minute_rate_limited: "soon" }),
  ],
];

describe("Slack's door, signed but hostile", () => {
  it.each(MALFORMED)("answers %s with 2xx or 4xx and does nothing with it", async (_name, body) => {
    const res = await postSigned(app.url, body);
    expect(res.status).toBeLessThan(500);
    expect(res.text).not.toMatch(/\bat .+:\d+:\d+|Error:/);
  });

  it("answers Slack's app_rate_limited notice with 200 and logs it (Slack is dropping events)", async () => {
    const notice = JSON.stringify({
      token: "t",
      type: "app_rate_limited",
      team_id: "T1",
      minute_rate_limited: 1_700_000_000,
    });
    const res = await postSigned(app.url, notice);
    expect(res.status).toBe(200);
    expect(app.logs()).toMatch(/"event":"slack\.app_rate_limited","minute":"1700000000"/);
  });

  it.each(NASTY_TEXT)("answers a slash command of %s in the acknowledgement, safely", async (_name, text) => {
    const res = await postSigned(app.url, commandBody(text, fake.responseUrl(`nasty-${_name}`)));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
    expect(res.text).not.toMatch(RAW_SLACK_CONTROL);
    expect(res.text).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it.each(NASTY_TEXT.filter(([name]) => name !== "empty"))(
    "answers a DM and a mention of %s without echoing anything Slack would act on",
    async (_name, text) => {
      const postsBefore = fake.posts().length;
      // A channel of its own per case: posts to one channel are paced a second apart.
      const where = `${NASTY_TEXT.findIndex(([name]) => name === _name)}`;
      expect((await postSigned(app.url, eventBody(dmEvent(text, { channel: `D-${where}` })))).status).toBe(200);
      expect((await postSigned(app.url, eventBody(mentionEvent(text, { channel: `C-${where}` })))).status).toBe(200);
      await fake.waitFor(() => fake.posts().length >= postsBefore + 2, 10_000);
      for (const post of fake.posts().slice(postsBefore)) {
        expect(JSON.stringify(post.args)).not.toMatch(RAW_SLACK_CONTROL);
        for (const flag of ["link_names", "unfurl_links", "unfurl_media"])
          expect(String(post.args[flag])).toBe("false");
      }
    },
  );

  it(`survives random text and random JSON in every field (fast-check, seed ${seed})`, async () => {
    const texts = randomTexts(seed, 25);
    const values = randomJson(seed, 25);
    for (const [i, text] of texts.entries()) {
      const command = await postSigned(app.url, commandBody(text, fake.responseUrl(`random-${i}`)));
      expect(command.status, `command ${JSON.stringify(text)}`).toBe(200);
      const value = values[i];
      const event = await postSigned(app.url, eventBody(dmEvent("help", { text: value, user: value })));
      expect(event.status, `event with ${JSON.stringify(value)}`).toBeLessThan(500);
      const click = await postSigned(app.url, interaction(JSON.stringify({ type: "block_actions", actions: value })));
      expect(click.status, `click with ${JSON.stringify(value)}`).toBeLessThan(500);
    }
  });

  it("is still answering, changed nothing it keeps, and logged no crash", async () => {
    const res = await postSigned(app.url, commandBody("help", fake.responseUrl("after")));
    expect(res.status).toBe(200);
    expect(res.json().blocks[0].type).toBe("header");
    for (const response of fake.responses) expect(JSON.stringify(response.body)).not.toMatch(RAW_SLACK_CONTROL);
    expect(storeFingerprint(app.dataDir)).toBe(before);
    expect(app.logs()).not.toMatch(/"(slack\.dispatch_failed|slack\.request_failed|http\.handler_failed)"/);
  });
});
