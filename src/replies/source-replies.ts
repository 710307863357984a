/** Replies about the feeds the bot follows: the list with when each was last read, and changes to it. */

import { londonTimeLabel } from "../briefings/dates.js";
import { link, note, paragraph, runsFromMessage, type Section, type TextReply, text } from "../reply.js";
import type { Change, FeedSource } from "../store/store.js";
import { textReply } from "./text-reply.js";

/**
 * "Feeds I follow": each feed, when it was last read, and since when it cannot be read if the
 * latest read failed. The error itself ("resolves to 10.0.0.5…") is for operators: it is in the
 * logs and in `nhsai sources --verbose`, never in chat.
 */
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
            link(withoutPassword(feed.url), withoutPassword(feed.url)),
            text(` — ${feed.lastReadAt ? `last read ${londonTimeLabel(feed.lastReadAt)}` : "not read yet"}`, "subtle"),
            ...(feed.lastError ? [text(`; ${feedFailingSince(feed)}`, "subtle")] : []),
          ],
          citation: null,
        })),
      },
    ],
  };
}

/** "could not be read since Monday 23 November 2026 at 9.05am": since the last good read, or since it was added. */
export function feedFailingSince(feed: Pick<FeedSource, "lastReadAt" | "addedAt">): string {
  return `could not be read since ${londonTimeLabel(feed.lastReadAt ?? feed.addedAt)}`;
}

/** A feed URL as shown to people: a password stored before they were refused is never shown. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    return url; // stored URLs were checked on the way in
  }
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
  return textReply(action === "add" ? "Feed added" : "Feed removed", paragraph(...runs));
}

export function notAdminReply(): TextReply {
  return textReply(
    "Only admins can change the feeds",
    "Only an nhsai admin can add or remove feeds. Type `sources` to see the feeds I follow.",
  );
}

export function badFeedUrlReply(url: string): TextReply {
  return textReply(
    "That is not a feed URL",
    `“${url}” is not an http or https URL. Try \`sources add https://…/feed.xml\`.`,
  );
}

/** Where no store is at hand (the one-shot `nhsai command`): feeds are changed in chat or with `nhsai ingest`. */
export function feedsElsewhereReply(): TextReply {
  return textReply(
    "Feeds are changed in chat",
    "An admin can add or remove feeds in Slack or Teams; from the terminal, follow a feed with `nhsai ingest <feed-url>`.",
  );
}

/** The URL is not repeated: it holds a password, and the reply may be seen by the whole channel. */
export function feedUrlWithCredentialsReply(): TextReply {
  return textReply(
    "Feed URLs cannot carry a password",
    "That feed URL has a user name or password in it, so I won't store it or show it. Use the feed's public " +
      "URL, and consider changing that password now that it has been typed into chat.",
  );
}
