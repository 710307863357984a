/**
 * `nhsai command "sources …"` with the store behind it, as in chat: the feeds and when each was
 * last read, and `sources add|remove <feed-url>` (the operator is an admin: see command-command.ts).
 */

import {
  actorOf,
  addNewDocuments,
  BriefingService,
  type Command,
  type Conversation,
  openStore,
  type Reply,
  storeLocation,
} from "../../src/index.js";
import { openSeedLibrary } from "./open-library.js";

export async function sourcesFromStore(
  command: Command,
  operator: Conversation,
  env: NodeJS.ProcessEnv,
): Promise<Reply> {
  const store = await openStore(storeLocation(env), new Date());
  try {
    const library = openSeedLibrary();
    addNewDocuments(library, await store.listDocuments());
    const service = new BriefingService(library, { store, admins: new Set([actorOf(operator)]) });
    return await service.handle(command, { conversation: operator, now: new Date() });
  } finally {
    await store.close();
  }
}
