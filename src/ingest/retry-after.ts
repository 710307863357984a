/**
 * When a page that failed may be read again: an hour after the first failure, then twice as long
 * after each further one in a row, at most a week. A page that is fixed is read again within hours;
 * one that stays bad costs a few reads a week.
 */

import type { ReadFailure } from "../store/store.js";

export const FIRST_RETRY_MS = 60 * 60 * 1000;
const LONGEST_RETRY_MS = 7 * 24 * 60 * 60 * 1000;

export function retryAt(failure: Pick<ReadFailure, "failures" | "failedAt">): Date {
  const wait = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failure.failures - 1), LONGEST_RETRY_MS);
  return new Date(failure.failedAt.getTime() + wait);
}
