import type { ChannelPoster, PostOutcome } from "../channel-poster.js";
import type { Reply } from "../reply.js";

/**
 * Posts through `poster`, bounded: a poster should report rather than throw, and should time out
 * on its own, but if it throws or hangs past `timeoutMs` anyway, whether
 * it posted is unknown, so the outcome is `uncertain` and the scheduler moves on (it never waits
 * forever holding a claim).
 */
export async function postWithin(
  poster: ChannelPoster,
  channelId: string,
  reply: Reply,
  timeoutMs: number,
): Promise<PostOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<PostOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ state: "uncertain", detail: `no answer from the platform within ${Math.round(timeoutMs / 1000)} s` }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([poster.post(channelId, reply), timedOut]);
  } catch (error) {
    const name = error instanceof Error ? error.name : "error";
    return { state: "uncertain", detail: `the poster failed unexpectedly (${name})` };
  } finally {
    clearTimeout(timer);
  }
}
