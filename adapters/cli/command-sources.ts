/**
 * `nhsai command "sources …"` with the store behind it, as in chat: the feeds and when each was
 * last read, and `sources add|remove <feed-url>` (the operator is an admin: see command-command.ts).
 */

import {
  actorOf,
  addNewDocuments,
  BriefingService,
  ChatService,
  type Conversation,
  openStore,
  type Reply,
  storeLocation,
  type Typed,
} from "../../src/index.js";
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
