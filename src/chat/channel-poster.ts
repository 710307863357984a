/**
 * The channel poster port moved to src/channel-poster.ts (the scheduler and the chat adapters both
 * post through it, and src/schedules must not import src/chat). Kept for imports written before
 * the move; new code imports src/channel-poster.js.
 */
export type { ChannelPoster, PostOutcome } from "../channel-poster.js";
