/**
 * Topic tagging at ingest: the time to file the seed articles and 1,000 generated articles under
 * their topics and tag each sentence, as `Library.add` does (a document's headline and lead, then
 * every sentence). Sentences are tokenized beforehand, untimed: the library tokenizes them for its
 * index anyway and hands the tokens over. The median of 7 runs after one unmeasured run.
 */

import type { Document } from "../../src/knowledge/document.js";
import { splitSentences } from "../../src/knowledge/split-sentences.js";
import { type Token, tokenize } from "../../src/knowledge/text-terms.js";
import { documentTopics, passageTopics } from "../../src/knowledge/topics.js";
import type { BenchContext } from "../context.js";
import { generateDocuments } from "../generate-library.js";
import { median } from "../percentiles.js";
import type { Section } from "../section.js";

const RUNS = 7;

export const topics: Section = {
  name: "topics",
  about: "topic tagging of the seeds and of 1,000 generated articles (documents and sentences, median of 7)",
  run: async (ctx: BenchContext) => {
    const seeds = ctx.seedDocuments();
    // About 15 sentences an article: 15,000 passages make 1,000 articles.
    const generated = generateDocuments(seeds, { passages: 15_000, seed: 20261203 }).slice(0, 1_000);
    ctx.log(`${generated.length} generated articles, ${sentencesIn(generated)} sentences`);
    return {
      topics_seeds_ms: tagMs(seeds),
      topics_1000_docs_ms: tagMs(generated),
    };
  },
};

interface Prepared {
  title: string;
  paragraphs: string[];
  sentences: { text: string; tokens: Token[] }[];
}

function tagMs(documents: readonly Document[]): number {
  const prepared = documents.map(
    (doc): Prepared => ({
      title: doc.title,
      paragraphs: doc.paragraphs.map((p) => p.text),
      sentences: doc.paragraphs.flatMap((p) =>
        splitSentences(p.text).map((s) => ({ text: s.text, tokens: tokenize(s.text) })),
      ),
    }),
  );
  tagAll(prepared);
  const times = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    tagAll(prepared);
    return performance.now() - start;
  });
  return median(times);
}

function tagAll(documents: readonly Prepared[]): number {
  let tags = 0;
  for (const doc of documents) {
    const filed = documentTopics(doc.title, doc.paragraphs);
    for (const { text, tokens } of doc.sentences) tags += passageTopics(text, tokens, filed).length;
  }
  return tags;
}

function sentencesIn(documents: readonly Document[]): number {
  return documents.reduce((n, d) => n + d.paragraphs.reduce((m, p) => m + splitSentences(p.text).length, 0), 0);
}
