/**
 * Preloaded into an `nhsai` process by the crash tests (see crashAt in processes.ts): subscribes to
 * the delivery diagnostics channel named in CRASH_CHANNEL (`nhsai:delivery`) and kills the process
 * with SIGKILL, as `kill -9` would, the moment a delivery passes the step named in CRASH_AT
 * (after-claim, after-post, after-mark, after-draft-send).
 */

import { subscribe } from "node:diagnostics_channel";

const { CRASH_AT: step, CRASH_CHANNEL: channel } = process.env;
if (step && channel)
  subscribe(channel, (message) => {
    if (message.step === step) process.kill(process.pid, "SIGKILL");
  });
