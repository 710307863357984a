/**
 * `nhsai command "sources …"` with the store behind it, as in chat: the feeds and when each was
 * last read, and `sources add|remove <feed-url>`. Whoever runs the CLI can already reach the store
 * (DATA_DIR, DATABASE_URL), so the terminal's operator counts as an admin here; changes are
 * audited as "shell:operator".
 */

import { BriefingService, type Typed } from "../../src/briefing-service.js";
import { ChatService } from "../../src/chat/chat-service.js";
import type { Conversation } from "../../src/chat/conversation.js";
import { storeLocation } from "../../src/config.js";
import { addNewDocuments } from "../../src/ingest/library-sync.js";
import type { Reply } from "../../src/reply.js";
import { openStore } from "../../src/store/open-store.js";
import { openSeedLibrary } from "./open-library.js";

const OPERATOR: Conversation = {
  platform: "shell",
  channelId: "terminal",
  userId: "operator",
  scope: "personal",
  mayManageChannel: async () => true,
};

export async function sourcesFromStore(typed: Typed, env: NodeJS.ProcessEnv): Promise<Reply> {
  const store = await openStore(storeLocation(env), new Date());
  try {
    const library = openSeedLibrary();
    addNewDocuments(library, await store.listDocuments());
    const chat = new ChatService(new BriefingService(library), store, new Set(["shell:operator"]));
    return await chat.handle(typed, OPERATOR, new Date());
  } finally {
    await store.close();
  }
}
