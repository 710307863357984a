/** A ChatService whose clock runs `ahead` of the adapter's: the injected clock for memory expiry. */

import type { Typed } from "../../src/briefing-service.js";
import { ChatService } from "../../src/chat/chat-service.js";
import type { Conversation } from "../../src/conversation/conversation.js";
import type { Reply } from "../../src/reply.js";

export class ClockedChat extends ChatService {
  ahead = 0;

  override handle(typed: Typed, conversation: Conversation, now: Date): Promise<Reply> {
    return super.handle(typed, conversation, new Date(now.getTime() + this.ahead));
  }
}
