/** A BriefingService whose clock runs `ahead` of the adapter's: the injected clock for memory expiry. */

import { BriefingService, type ServiceContext } from "../../src/briefing-service.js";
import type { Command } from "../../src/commands/parse-command.js";
import type { Reply } from "../../src/reply.js";

export class ClockedChat extends BriefingService {
  ahead = 0;

  override handle(command: Command, context: ServiceContext): Promise<Reply> {
    return super.handle(command, { ...context, now: new Date(context.now.getTime() + this.ahead) });
  }
}
