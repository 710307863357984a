/**
 * Debian's chromium for the browser tests, driven by playwright-core. Absent locally, a test
 * skips with a message; in CI (CI=true, where .ci/run installs it) its absence is an error.
 */

import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

/** Whether the browser tests for `what` can run; throws in CI when chromium is missing. */
export function chromiumFor(what: string): boolean {
  const available = existsSync(CHROMIUM);
  if (!available && process.env.CI === "true")
    throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium for ${what}`);
  if (!available) console.warn(`skipping ${what}: no ${CHROMIUM} (apt-get install -y chromium)`);
  return available;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-background-networking"],
  });
}
