/**
 * What a card button sends back. Teams delivers an Action.Submit as a message activity whose
 * `value` is the button's `data`, unsigned and editable by the client: it is parsed with zod here,
 * at the trust boundary, and a feedback target is only ever recorded against the person who clicked.
 */

import { z } from "zod";
import type { FeedbackTarget } from "../../src/index.js";

const feedbackSchema = z.object({
  nhsai: z.literal("feedback"),
  value: z.enum(["helpful", "not_helpful"]),
  target: z.enum(["answer", "briefing_item"]),
  targetId: z.string().min(1).max(200),
});

const commandSchema = z.object({
  nhsai: z.literal("command"),
  command: z.string().min(1).max(200),
});

export type SubmitData = z.infer<typeof feedbackSchema> | z.infer<typeof commandSchema>;

const submitSchema = z.discriminatedUnion("nhsai", [feedbackSchema, commandSchema]);

/** A 👍/👎 button's data. */
export function feedbackData(target: FeedbackTarget, value: "helpful" | "not_helpful"): SubmitData {
  return { nhsai: "feedback", value, target: target.target, targetId: target.targetId };
}

/** A "Show more" button's data: the command it runs, as if typed. */
export function showMoreData(command: string): SubmitData {
  return { nhsai: "command", command };
}

/** The button data in an activity's `value`, or null when it is not one of ours. */
export function parseSubmitData(value: unknown): SubmitData | null {
  const parsed = submitSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
