/**
 * The shape an activity must have before botbuilder runs a turn on it. botbuilder reads
 * `activity.conversation.id`, `from.id` and `recipient.id` without checking them, so an activity
 * without them (or with a number there) threw inside the turn and cost a 500; a conversation id
 * that is not a string would also have been stored as a reference. Checked here, such an activity
 * is answered 400 before anything runs. Only the fields the adapter and the bot read are checked;
 * the rest pass through untouched.
 */

import { z } from "zod";

const id = z.string().min(1).max(1024);
const account = z.looseObject({ id, name: z.string().optional(), aadObjectId: z.string().optional() });

const activitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(1024).optional(),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id, conversationType: z.string().optional(), tenantId: z.string().optional() }),
  text: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  attachments: z.array(z.looseObject({})).optional(),
  channelData: z.looseObject({}).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
  action: z.string().optional(),
});

/** True when botbuilder can run a turn on `body` without tripping over a missing or mistyped field. */
export function isActivityShaped(body: unknown): boolean {
  return activitySchema.safeParse(body).success;
}
