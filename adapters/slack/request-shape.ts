/**
 * The shape a signed Slack request must have before Bolt sees it. Bolt reads fields such as
 * `body.event.type`, `body.team.id` and `body.user.team_id` without checking them, so a body of the
 * wrong shape (signed, but not what Slack sends) made it throw inside `processEvent` and the request
 * cost a 500 and an error log; a shape it did not recognise held the connection for 3 s. Checked
 * here, such a body is answered 400 at once. Only the fields Bolt and our listeners read are
 * checked; every other field passes through untouched.
 */

import { z } from "zod";
import { NHSAI_COMMAND } from "./listeners/slash-command.js";

const id = z.string().min(1).max(255);
const text = z.string().max(1024 * 1024);

/** Only /nhsai has a listener: another command would wait out Bolt's 3 s for an ack nobody sends. */
const slashCommand = z.looseObject({
  command: id.regex(NHSAI_COMMAND),
  text,
  user_id: id,
  channel_id: id,
  team_id: id.optional(),
  response_url: text.optional(),
  trigger_id: text.optional(),
});

/** Message and mention events: our listeners read these fields as strings. */
const conversationEvent = z.looseObject({
  type: z.enum(["message", "app_mention"]),
  subtype: z.string().optional(),
  text: text.optional(),
  user: id.optional(),
  channel: id.optional(),
  bot_id: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
});

/** Any other event: Bolt needs its type; we have no listener that reads more. */
const otherEvent = z.looseObject({ type: id });

const eventCallback = z.looseObject({
  type: z.literal("event_callback"),
  event_id: id,
  team_id: id.optional(),
  event: otherEvent,
});

const team = z.looseObject({ id }).nullish();

/** Button clicks (nhsai sends no other interactive element): each action names its action_id. */
const interaction = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id, team_id: id.optional() }),
  team,
  channel: z.looseObject({ id }).nullish(),
  response_url: text.optional(),
  actions: z
    .array(z.looseObject({ action_id: id, block_id: z.string().optional(), value: text.optional() }))
    .min(1)
    .max(25),
});

/** True when Bolt can read the body without throwing: a slash command, an event or a click. */
export function isSlackShaped(body: Record<string, unknown>): boolean {
  if (typeof body.command === "string") return slashCommand.safeParse(body).success;
  if (body.type === "event_callback") {
    if (!eventCallback.safeParse(body).success) return false;
    const { event } = body as { event: { type: string } };
    return !["message", "app_mention"].includes(event.type) || conversationEvent.safeParse(event).success;
  }
  return interaction.safeParse(body).success;
}
