/** Replies about the feeds the bot follows: the list with when each was last read, and changes to it. */

import { londonDayLabel } from "../briefings/dates.js";
import { link, note, paragraph, type Run, runsFromMessage, type Section, type TextReply, text } from "../reply.js";
import type { Change, FeedSource } from "../store/store.js";

/** "Feeds I follow": each feed, when it was last read, and its last error if the latest read failed. */
export function feedsSection(feeds: readonly FeedSource[]): Section {
  if (feeds.length === 0)
    return {
      heading: [text("Feeds I follow")],
      blocks: [note(...runsFromMessage("None yet. An admin can add one with `sources add <feed-url>`."))],
    };
  return {
    heading: [text("Feeds I follow")],
    blocks: [
      {
        type: "bullets",
        items: feeds.map((feed) => ({
          runs: [
            link(feed.url, feed.url),
            text(` — ${feed.lastReadAt ? `last read ${londonTimeLabel(feed.lastReadAt)}` : "not read yet"}`, "subtle"),
            ...(feed.lastError ? [text(`; the latest read failed: ${feed.lastError}`, "subtle")] : []),
          ],
          citation: null,
        })),
      },
    ],
  };
}

/** "Monday 23 November 2026 at 8.05am" in Europe/London, NHS style. */
export function londonTimeLabel(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hour: "numeric",
    minute: "2-digit",
    hour12: true,
  }).formatToParts(at);
  const hour = parts.find((p) => p.type === "hour")?.value ?? "";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  const period = (parts.find((p) => p.type === "dayPeriod")?.value ?? "").toLowerCase().replace(/\./g, "");
  const time = minute === "00" ? `${hour}${period}` : `${hour}.${minute}${period}`;
  return `${londonDayLabel(at)} at ${time}`;
}

export function feedChangedReply(action: "add" | "remove", url: string, change: Change | boolean): TextReply {
  // The URL is the user's text: a plain run, never parsed for `commands`.
  const say = (before: string, after: string) => [text(before), text(url), ...runsFromMessage(after)];
  const runs =
    action === "add"
      ? change === "added"
        ? say(
            "I'm now following ",
            ". I'll read it at the next poll; its new articles will then appear in answers and briefings.",
          )
        : say("I already follow ", ".")
      : change
        ? say("I've stopped following ", ". The articles already read from it stay in the library.")
        : say("I don't follow ", ", so there was nothing to remove. Type `sources` to see the feeds I follow.");
  return runsReply(action === "add" ? "Feed added" : "Feed removed", runs);
}

export function notAdminReply(): TextReply {
  return messageReply(
    "Only admins can change the feeds",
    "Only an nhsai admin can add or remove feeds. Type `sources` to see the feeds I follow.",
  );
}

export function badFeedUrlReply(url: string): TextReply {
  return messageReply(
    "That is not a feed URL",
    `“${url}” is not an http or https URL. Try \`sources add https://…/feed.xml\`.`,
  );
}

/** Where no store is at hand (the one-shot `nhsai command`): feeds are changed in chat or with `nhsai ingest`. */
export function feedsElsewhereReply(): TextReply {
  return messageReply(
    "Feeds are changed in chat",
    "An admin can add or remove feeds in Slack or Teams; from the terminal, follow a feed with `nhsai ingest <feed-url>`.",
  );
}

function messageReply(title: string, message: string): TextReply {
  return runsReply(title, runsFromMessage(message));
}

function runsReply(title: string, runs: Run[]): TextReply {
  return {
    kind: "text",
    title,
    sections: [{ heading: null, blocks: [paragraph(...runs)] }],
    citations: [],
    actions: [],
  };
}
