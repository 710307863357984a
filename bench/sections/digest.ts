/**
 * Building the Coffee Time digest over generated libraries of 1,000 and 10,000 articles (targets:
 * at most 50 ms and 500 ms). The digest ranks every article by its metadata and summarises only
 * the few it shows, so its cost should grow with the number of articles, not their length.
 *
 * The articles are the seed articles' own paragraphs, reshuffled with a seeded generator and
 * given dates across 2019-2025 at day, month or year precision (some undated). Self-contained, so
 * the section depends on nothing in the bench but the shape of a section.
 */

import { buildDigest } from "../../src/briefings/build-digest.js";
import type { Document, PublishedDate } from "../../src/knowledge/document.js";
import { buildLibrary } from "../../src/knowledge/library.js";

const NOW = new Date("2026-11-23T08:00:00Z");
const RUNS = 7;

interface DigestBenchContext {
  seedDocuments(): Document[];
  log(line: string): void;
}

/** `{ digest_1000_docs_ms, digest_10000_docs_ms }`: median of 7 builds each, after one unmeasured build. */
export function measureDigest(seedDocuments: readonly Document[], log: (line: string) => void = () => {}) {
  return {
    digest_1000_docs_ms: digestMs(seedDocuments, 1_000, log),
    digest_10000_docs_ms: digestMs(seedDocuments, 10_000, log),
  };
}

/** The bench section (see bench/section.ts). */
export const digest = {
  name: "digest",
  about: "buildDigest over generated libraries of 1,000 and 10,000 articles (median of 7)",
  run: async (ctx: DigestBenchContext) => measureDigest(ctx.seedDocuments(), (line) => ctx.log(line)),
};

function digestMs(seedDocuments: readonly Document[], count: number, log: (line: string) => void): number {
  const documents = generateArticles(seedDocuments, count, 20261123 + count);
  const library = buildLibrary(documents);
  // A channel that has already been sent one article in ten.
  const sent = new Set(documents.filter((_, i) => i % 10 === 0).map((d) => d.id));
  const first = buildDigest(library, NOW, sent);
  log(`${count} articles: ${first.items.length} items, led by one dated ${first.items[0]?.publishedLabel ?? "-"}`);
  const times = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    buildDigest(library, NOW, sent);
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? Number.NaN;
}

function generateArticles(seeds: readonly Document[], count: number, seed: number): Document[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const pool = seeds.flatMap((d) => d.paragraphs);
  return Array.from({ length: count }, (_, n) => {
    const source = pick(seeds);
    return {
      ...source,
      id: `bench-${n}`,
      title: `${source.title} (${n})`,
      published: randomDate(random),
      paragraphs: Array.from({ length: 4 + Math.floor(random() * 12) }, () => pick(pool)),
    };
  });
}

function randomDate(random: () => number): PublishedDate | null {
  const roll = random();
  if (roll < 0.05) return null;
  const year = 2019 + Math.floor(random() * 7);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, "0");
  const day = String(1 + Math.floor(random() * 28)).padStart(2, "0");
  if (roll < 0.1) return { value: String(year), precision: "year" };
  if (roll < 0.4) return { value: `${year}-${month}`, precision: "month" };
  return { value: `${year}-${month}-${day}`, precision: "day" };
}

/** A small seeded generator, so every run measures the same libraries. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
