/**
 * Who this process is in the delivery claims it makes ("scheduler@host:pid"), and whether a claim
 * was left by a process of this host that has since stopped: such a claim is recovered (made
 * `uncertain`) at once, on start, rather than after the scheduler's stale-claim time.
 */

import { hostname } from "node:os";

const SELF = { host: hostname(), pid: process.pid, startedAt: new Date(Date.now() - process.uptime() * 1000) };

export function claimerName(): string {
  return `scheduler@${SELF.host}:${SELF.pid}`;
}

/**
 * True for a claim by this host whose process is gone: another pid that no longer runs, or this
 * pid before this process started (containers restart as pid 1). A mistake here can only label a
 * post `uncertain` that was in fact sent, never post twice: the claim row still stands.
 */
export function abandonedHere(claimedBy: string, claimedAt: Date): boolean {
  const match = /^scheduler@(.+):(\d+)$/.exec(claimedBy);
  if (!match || match[1] !== SELF.host) return false;
  const pid = Number(match[2]);
  return pid === SELF.pid ? claimedAt < SELF.startedAt : !isRunning(pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
