/** A ChatService whose clock runs `ahead` of the adapter's: the injected clock for memory expiry. */

import { ChatService } from "../../src/chat/chat-service.js";
import type { Conversation } from "../../src/chat/conversation.js";
import type { Reply } from "../../src/reply.js";

export class ClockedChat extends ChatService {
  ahead = 0;

  override handleMessage(text: string, conversation: Conversation, now: Date): Promise<Reply> {
    return super.handleMessage(text, conversation, new Date(now.getTime() + this.ahead));
  }
}
