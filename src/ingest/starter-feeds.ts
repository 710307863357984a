/**
 * The starter list of public NHS and UK health-technology feeds (seeds/starter-feeds.json), so a
 * new install briefs on live news from its first morning with one word: FEEDS=starter. Only
 * entries whose address was verified are followed; the others are listed for an operator to check.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findPackageRoot } from "../package-root.js";

export interface StarterFeed {
  name: string;
  url: string;
  /** True when the address was confirmed; unverified entries are not followed. */
  verified: boolean;
}

/** The word in FEEDS that stands for the starter list. */
const STARTER = "starter";

export function starterFeeds(): StarterFeed[] {
  const file = join(findPackageRoot(import.meta.url), "seeds", "starter-feeds.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { feeds: StarterFeed[] }).feeds;
}

/** FEEDS as written, with "starter" replaced by the verified starter feeds; each URL once, in order. */
export function expandFeeds(entries: readonly string[]): string[] {
  const urls = entries.flatMap((entry) =>
    entry.toLowerCase() === STARTER
      ? starterFeeds()
          .filter((f) => f.verified)
          .map((f) => f.url)
      : [entry],
  );
  return [...new Set(urls)];
}
