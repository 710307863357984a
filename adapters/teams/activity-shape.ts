/**
 * The shape an activity must have before botbuilder runs a turn on it. botbuilder reads
 * `activity.conversation.id`, `from.id` and `recipient.id` without checking them, so an activity
 * without them (or with a number there) threw inside the turn and cost a 500; a conversation id
 * that is not a string would also have been stored as a reference. Checked here, such an activity
 * is answered 400 before anything runs. Only the fields the adapter and the bot read are checked
 * (an optional one may be null, as some clients send it); the rest pass through untouched.
 */

import { z } from "zod";

const id = z.string().min(1).max(1024);
const account = z.looseObject({ id, name: z.string().nullish(), aadObjectId: z.string().nullish() });

const activitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(1024).nullish(),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id, conversationType: z.string().nullish(), tenantId: z.string().nullish() }),
  text: z.string().nullish(),
  entities: z.array(z.looseObject({ type: z.string() })).nullish(),
  attachments: z.array(z.looseObject({})).nullish(),
  channelData: z.looseObject({}).nullish(),
  membersAdded: z.array(account).nullish(),
  membersRemoved: z.array(account).nullish(),
  action: z.string().nullish(),
});

/** True when botbuilder can run a turn on `body` without tripping over a missing or mistyped field. */
export function isActivityShaped(body: unknown): boolean {
  return activitySchema.safeParse(body).success;
}
