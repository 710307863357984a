import type { DeliveryStep } from "../../src/index.js";

const STEPS: readonly DeliveryStep[] = ["after-claim", "after-post", "after-mark", "after-draft-send"];

/**
 * TEST ONLY: `NHSAI_TEST_CRASH_AT=after-claim|after-post|after-mark|after-draft-send` makes the
 * process kill itself (SIGKILL, as a crash or `kill -9` would) at that step of a scheduled delivery
 * (or, for after-draft-send, of sending a reviewer their draft), so the tests can check what a
 * restart does. Never set it in a deployment.
 */
export function testCrashHook(env: NodeJS.ProcessEnv): ((step: DeliveryStep) => void) | undefined {
  const at = env.NHSAI_TEST_CRASH_AT;
  if (!at || !STEPS.includes(at as DeliveryStep)) return undefined;
  return (step) => {
    if (step === at) process.kill(process.pid, "SIGKILL");
  };
}
