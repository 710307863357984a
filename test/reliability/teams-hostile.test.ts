/**
 * Hostile input on the Teams door (/api/messages through the real botbuilder adapter, TEAMS_LOCAL=1
 * so no token is needed and every activity reaches the turn): activities missing from, conversation
 * or channelData, fields of the wrong type, huge text, unknown activity types and card actions of
 * the wrong shape. Each must get a 2xx or 4xx (never a 5xx or a hang), the bot must keep answering,
 * nothing it sends may mention anyone, and nothing it keeps may change.
 */

import { fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJsonLogger } from "../../adapters/cli/json-logger.js";
import { BriefingService } from "../../src/briefing-service.js";
import { seedLibrary } from "../helpers/factories.js";
import {
  type ConnectorStub,
  conversationIdOf,
  installActivity,
  messageActivity,
  type RunningBot,
  startBot,
  startConnectorStub,
} from "../teams/teams-harness.js";
import {
  freshConnections,
  hostileSeed,
  NASTY_TEXT,
  randomJson,
  randomTexts,
  storeFingerprint,
} from "./hostile-corpus.js";

const seed = hostileSeed("teams-hostile");
let connector: ConnectorStub;
let bot: RunningBot;
let dataDir = "";
let before = "";
const logLines: string[] = [];

/** An activity as JSON, on a new connection per request (see freshConnections). */
const postActivity = (url: string, activity: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
    dispatcher: freshConnections,
  });

beforeAll(async () => {
  connector = await startConnectorStub();
  bot = await startBot(
    { TEAMS_LOCAL: "1" },
    {},
    (store) => new BriefingService(seedLibrary(), { store }),
    createJsonLogger((line) => logLines.push(line), "info"),
  );
  dataDir = bot.dataDir;
  before = storeFingerprint(dataDir, true);
});
afterAll(async () => {
  await bot.close();
  await connector.close();
});

const message = (extra: Record<string, unknown>) => ({ ...messageActivity(connector.url, "help"), ...extra });
const without = (key: string) => {
  const activity: Record<string, unknown> = messageActivity(connector.url, "help");
  delete activity[key];
  return activity;
};

const MALFORMED: ReadonlyArray<readonly [string, () => unknown]> = [
  ["no from", () => without("from")],
  ["no conversation", () => without("conversation")],
  ["no channelData", () => without("channelData")],
  ["no recipient", () => without("recipient")],
  ["no id", () => without("id")],
  ["no serviceUrl", () => without("serviceUrl")],
  ["from a string", () => message({ from: "29:alice" })],
  ["conversation a number", () => message({ conversation: 5 })],
  ["conversation without an id", () => message({ conversation: { conversationType: "channel" } })],
  ["channelData an array", () => message({ channelData: [] })],
  ["a null tenant", () => message({ channelData: { tenant: null } })],
  ["text a number", () => message({ text: 12345 })],
  ["text an object", () => message({ text: { toString: "x" } })],
  ["entities a string", () => message({ entities: "mention" })],
  ["entities holding null", () => message({ entities: [null, 5, "x"] })],
  ["a mention of nobody", () => message({ entities: [{ type: "mention", mentioned: null }] })],
  ["attachments of the wrong shape", () => message({ attachments: "card" })],
  ["serviceUrl a number", () => message({ serviceUrl: 8080 })],
  ["an unknown activity type", () => message({ type: "somethingElse" })],
  ["a typing activity", () => message({ type: "typing" })],
  ["an event activity", () => message({ type: "event", name: "application/vnd.microsoft.meetingStart", value: 7 })],
  ["an invoke we do not know", () => message({ type: "invoke", name: "composeExtension/query", value: "x" })],
  [
    "a card action invoke of the wrong shape",
    () => message({ type: "invoke", name: "adaptiveCard/action", value: [1] }),
  ],
  [
    "a conversationUpdate with members of the wrong type",
    () => message({ type: "conversationUpdate", membersAdded: "all" }),
  ],
  ["an installationUpdate with a numeric action", () => ({ ...installActivity(connector.url, "add"), action: 5 })],
  ["a reaction of the wrong shape", () => message({ type: "messageReaction", reactionsAdded: { type: "like" } })],
  ["submit data that is a string", () => message({ text: undefined, value: "feedback" })],
  [
    "submit data naming feedback wrongly",
    () => message({ text: undefined, value: { nhsai: "feedback", value: "meh" } }),
  ],
  ["submit data with a numeric command", () => message({ text: undefined, value: { nhsai: "command", command: 5 } })],
  ["submit data with prototype keys", () => message({ text: undefined, value: JSON.parse('{"__proto__":{"x":1}}') })],
  ["a JSON array body", () => [messageActivity("http://127.0.0.1:1/", "help")]],
  ["a JSON null body", () => null],
  ["a JSON string body", () => "help"],
];

/** Nothing the bot sends may carry a mention entity: it would notify whoever it names. */
function expectNoMentions() {
  for (const sent of connector.received) {
    const entities = (sent.body.entities ?? []) as Array<{ type?: string }>;
    expect(entities.filter((e) => e.type === "mention")).toEqual([]);
  }
}

describe("Teams' door, hostile activities", () => {
  it.each(MALFORMED)("answers an activity with %s with 2xx or 4xx", async (_name, activity) => {
    const sent = activity() as { type?: string } | null;
    const res = await postActivity(bot.url, sent);
    // An invoke the bot does not implement is botbuilder's 501 "not implemented", which Teams
    // shows as an unavailable action: an answer, not a failure.
    if (sent?.type === "invoke") expect([200, 400, 501]).toContain(res.status);
    else expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toMatch(/\bat .+:\d+:\d+|Error:/);
  });

  it.each(NASTY_TEXT)("answers a message of %s with a card, mentioning nobody", async (_name, text) => {
    const sentBefore = connector.received.length;
    const res = await postActivity(bot.url, messageActivity(connector.url, text, "channel"));
    expect(res.status).toBe(200);
    expect(connector.received.length).toBeGreaterThan(sentBefore);
    expectNoMentions();
  });

  it(`survives random text and random JSON in every field (fast-check, seed ${seed})`, async () => {
    const texts = randomTexts(seed, 12);
    const values = randomJson(seed, 12);
    for (const [i, text] of texts.entries()) {
      const value = values[i];
      const typed = await postActivity(bot.url, messageActivity(connector.url, text));
      expect(typed.status, `text ${JSON.stringify(text)}`).toBe(200);
      for (const field of ["from", "conversation", "channelData", "value", "entities", "text"]) {
        const res = await postActivity(bot.url, message({ [field]: value }));
        expect(res.status, `${field}: ${JSON.stringify(value)}`).toBeLessThan(500);
      }
    }
  });

  it("is still answering, changed nothing it keeps, and logged no failed turn", async () => {
    const sentBefore = connector.received.length;
    expect((await postActivity(bot.url, messageActivity(connector.url, "help"))).status).toBe(200);
    expect(connector.received.length).toBe(sentBefore + 1);
    expectNoMentions();
    expect(storeFingerprint(dataDir, true)).toBe(before);
    // References are refreshed by every answered message, but only for real conversations' ids.
    const known = [conversationIdOf("personal"), conversationIdOf("channel"), conversationIdOf("groupChat")];
    for (const { conversationId } of await bot.store.listConversationReferences())
      expect(known).toContain(conversationId);
    expect(logLines.join("")).not.toMatch(/"(teams\.route_failed|teams\.turn_failed|http\.handler_failed)"/);
  });
});
