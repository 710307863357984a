/** The figures issues 2 (answers, store), 5 (Slack), 13 (idiomatic SDK use: ≥ 0.6 of the bare SDK app) and 14 (start-up) hold the project to (each must be at most `max`). */

import type { Target } from "./section.js";

export const TARGETS: Target[] = [
  { figure: "answer_seeds_p99_ms", max: 1, label: "answer p99 on the seeds ≤ 1 ms" },
  { figure: "answer_200k_p99_ms", max: 5, label: "answer p99 at 200,000 passages ≤ 5 ms" },
  { figure: "retrieval_vs_plain_bm25_p99_ratio", max: 1.5, label: "retrieval p99 within 1.5× of plain BM25" },
  { figure: "cold_ask_median_ms", max: 300, label: "cold nhsai ask ≤ 0.3 s (median)" },
  {
    figure: "replica_start_10000_stored_ms",
    max: 1000,
    label: "a replica with 10,000 stored articles answers ≤ 1 s after start",
  },
  { figure: "cold_ask_with_300_stored_median_ms", max: 300, label: "cold nhsai ask with 300 stored ≤ 0.3 s (median)" },
  { figure: "rss_seeds_mb", max: 120, label: "RSS with the seeds ≤ 120 MB" },
  { figure: "rss_200k_mb", max: 300, label: "RSS at 200,000 passages ≤ 300 MB" },
  {
    figure: "answer_200k_heap_growth_3000_mb",
    max: 30,
    label: "heap growth over 3,000 more questions at 200k ≤ 30 MB",
  },
  { figure: "digest_1000_docs_ms", max: 50, label: "digest over 1,000 articles ≤ 50 ms" },
  { figure: "digest_10000_docs_ms", max: 500, label: "digest over 10,000 articles ≤ 500 ms" },
  { figure: "slack_funding_p99_ms", max: 20, label: "/nhsai funding over signed HTTP, p99 ≤ 20 ms (10 connections)" },
  {
    figure: "slack_bare_over_funding_rps_ratio",
    max: 1 / 0.6,
    label: "bare Bolt req/s ≤ 1.67 × /nhsai funding req/s (funding ≥ 0.6 of the bare app)",
  },
  {
    figure: "teams_bare_per_nhsai_ratio",
    max: 1 / 0.6,
    label: "Teams activities/s ≥ 0.6 of a bare botbuilder echo bot",
  },
];
