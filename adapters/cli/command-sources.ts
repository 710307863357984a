/**
 * `nhsai command "sources …"` with the store behind it, as in chat: the feeds and when each was
 * last read, and `sources add|remove <feed-url>` (the operator is an admin: see command-command.ts).
 */

import { BriefingService, type Typed } from "../../src/briefing-service.js";
import { ChatService } from "../../src/chat/chat-service.js";
import { actorOf, type Conversation } from "../../src/chat/conversation.js";
import { storeLocation } from "../../src/config.js";
import { addNewDocuments } from "../../src/ingest/library-sync.js";
import type { Reply } from "../../src/reply.js";
import { openStore } from "../../src/store/open-store.js";
import { openSeedLibrary } from "./open-library.js";

export async function sourcesFromStore(typed: Typed, operator: Conversation, env: NodeJS.ProcessEnv): Promise<Reply> {
  const store = await openStore(storeLocation(env), new Date());
  try {
    const library = openSeedLibrary();
    addNewDocuments(library, await store.listDocuments());
    const chat = new ChatService(new BriefingService(library), store, new Set([actorOf(operator)]));
    return await chat.handle(typed, operator, new Date());
  } finally {
    await store.close();
  }
}
