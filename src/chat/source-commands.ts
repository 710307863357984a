/**
 * The ingestion side of the chat service: `sources` with the feeds and when each was last read,
 * `sources add|remove <feed-url>` for admins, and keeping this process's library level with the
 * store so documents stored by any replica are answerable here without a restart.
 */

import type { Command } from "../commands/parse-command.js";
import { actorOf, type Conversation } from "../conversation/conversation.js";
import { LibrarySync } from "../ingest/library-sync.js";
import type { Library } from "../knowledge/library.js";
import { sourcesReply } from "../replies/library-replies.js";
import {
  badFeedUrlReply,
  feedChangedReply,
  feedsSection,
  feedUrlWithCredentialsReply,
  notAdminReply,
} from "../replies/source-replies.js";
import type { Reply } from "../reply.js";
import type { Store } from "../store/store.js";

type SourcesChange = Extract<Command, { kind: "sources_change" }>;

export class SourceCommands {
  private readonly sync: LibrarySync;

  constructor(
    private readonly library: Library,
    private readonly store: Store,
    private readonly isAdmin: (conversation: Conversation) => boolean,
  ) {
    this.sync = new LibrarySync(library, store);
  }

  refresh(now: Date): Promise<number> {
    return this.sync.refresh(now.getTime());
  }

  /**
   * Before answering: a store that is down must not stop answers from the library already held.
   * The failure is not lost: `serve` refreshes every minute too, and logs each failure there, and
   * the store's state is on /healthz.
   */
  async refreshQuietly(now: Date): Promise<void> {
    await this.refresh(now).catch(() => 0);
  }

  async list(): Promise<Reply> {
    return sourcesReply(this.library, feedsSection(await this.store.listFeeds()));
  }

  async change(command: SourcesChange, conversation: Conversation, now: Date): Promise<Reply> {
    if (!this.isAdmin(conversation)) return notAdminReply();
    const url = feedUrl(command.url);
    if (url === CARRIES_CREDENTIALS) return feedUrlWithCredentialsReply();
    if (!url) return badFeedUrlReply(command.url);
    const who = actorOf(conversation);
    return command.action === "add"
      ? feedChangedReply("add", url, await this.store.saveFeed(url, who, now))
      : feedChangedReply("remove", url, await this.store.removeFeed(url, who, now));
  }
}

const CARRIES_CREDENTIALS = Symbol("user name or password in the URL");

/**
 * The URL as it will be fetched, or null when it is not http(s). A user name or password is
 * refused: the list of feeds is shown to everyone. Address checks happen at each read.
 */
function feedUrl(raw: string): string | typeof CARRIES_CREDENTIALS | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.username || url.password ? CARRIES_CREDENTIALS : url.href;
  } catch {
    return null; // not a URL at all: the reply says so
  }
}
