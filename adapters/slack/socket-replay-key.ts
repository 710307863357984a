/**
 * The replay key for what arrives over Socket Mode without an `event_id`: slash commands and
 * clicks. Over HTTP the request's signature names it; here there is no signature, so the key is
 * the payload's `trigger_id` (Slack's own id for that one invocation, the same in any
 * re-delivery), else the envelope's id. Events keep their `event_id` (the replay guard's first key).
 */

interface SocketEnvelopeArgs {
  envelope_id?: unknown;
  body?: { trigger_id?: unknown; event_id?: unknown };
}

export function socketReplayKey(args: SocketEnvelopeArgs): { replayKey?: string } {
  const trigger = args.body?.trigger_id;
  if (typeof trigger === "string" && trigger) return { replayKey: `trigger:${trigger.slice(0, 200)}` };
  if (typeof args.envelope_id === "string" && args.envelope_id)
    return { replayKey: `envelope:${args.envelope_id.slice(0, 200)}` };
  return {};
}
