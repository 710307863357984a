/**
 * `GET /metrics` in Prometheus' text format (prom-client), for operators who graph and alert: every
 * HTTP request by route and outcome with its duration; messages by platform and what they got
 * (an answer, an abstention, a clinical refusal), with the time to answer; scheduled posts and feed
 * polls by outcome; each platform's readiness; the library's size; Node's own process figures.
 * Off unless METRICS_TOKEN is set, and then only with `Authorization: Bearer <token>`: the figures
 * say how busy a trust's bot is, which is nobody else's business.
 */

import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { HandledMessage, IngestOutcome, RunSummary } from "../../src/index.js";
import type { RouteHandler } from "./served-platform.js";

export interface MetricsOptions {
  token: string;
  /** How many documents the library holds now (read at each scrape). */
  documents: () => number;
  /** Each platform's readiness now, as /healthz reports it (read at each scrape). */
  readiness?: () => Record<string, { ready: boolean }>;
}

export interface Metrics {
  /** The `/metrics` route. */
  route: RouteHandler;
  /** Counts one request once its response is finished. */
  observe(req: IncomingMessage, res: ServerResponse, route: string): void;
  /** A chat message handled (BriefingService's onReply). */
  message(handled: HandledMessage): void;
  /** A scheduler run: its summary, or null when the run itself failed. */
  schedulerRun(summary: RunSummary | null): void;
  /** A feed poll round: each feed's outcome, or null when the round itself failed. */
  feedPoll(outcomes: readonly IngestOutcome[] | null): void;
  /** An activity a platform ignored on purpose (PlatformDeps.ignored). */
  ignored(platform: string, reason: string): void;
}

/** Replies that answer a question (or decline to): what the answer latency histogram times. */
const QUESTION_OUTCOMES = new Set<HandledMessage["outcome"]>(["answered", "abstained", "refused_clinical"]);

/** The routes a request is counted under; anything else is "other", so labels stay few. */
const ROUTE_LABELS: Record<string, string> = {
  "/slack/events": "slack",
  "/api/messages": "teams",
  "/healthz": "healthz",
  "/metrics": "metrics",
  archive: "archive",
};

export function createMetrics({ token, documents, readiness }: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "nhsai_" });
  const requests = new Counter({
    name: "nhsai_http_requests_total",
    help: "HTTP requests answered, by route (slack, teams, healthz, archive, metrics, other) and status class",
    labelNames: ["route", "outcome"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "nhsai_http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response, by route",
    labelNames: ["route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: "nhsai_library_documents",
    help: "Documents the knowledge base holds (seeds and ingested)",
    registers: [registry],
    collect() {
      this.set(documents());
    },
  });
  const messages = new Counter({
    name: "nhsai_messages_total",
    help: "Chat messages handled, by platform and outcome (answered, abstained, refused_clinical, other, failed)",
    labelNames: ["platform", "outcome"] as const,
    registers: [registry],
  });
  const ignoredActivities = new Counter({
    name: "nhsai_ignored_total",
    help: "Activities a platform ignored on purpose, by platform and reason (foreign_tenant)",
    labelNames: ["platform", "reason"] as const,
    registers: [registry],
  });
  const answerTime = new Histogram({
    name: "nhsai_answer_duration_seconds",
    help: "Time to answer (or decline) a question, store refresh included, by platform",
    labelNames: ["platform"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const byOutcome = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ["outcome"] as const, registers: [registry] });
  const posts = byOutcome(
    "nhsai_scheduled_posts_total",
    "Scheduled briefing slots by outcome (sent, uncertain, failed, skipped, paused, taken, held, recovered) and drafts sent to reviewers",
  );
  const schedulerRuns = byOutcome(
    "nhsai_scheduler_runs_total",
    "Scheduler runs (one a minute), by outcome (ok, failed)",
  );
  const feedPolls = byOutcome("nhsai_feed_polls_total", "Feed poll rounds, by outcome (ok, failed)");
  const feedReads = byOutcome(
    "nhsai_feed_reads_total",
    "Feeds and their articles read in poll rounds, by outcome (added, refreshed, duplicate, appearance, not_modified, failed, waiting)",
  );
  if (readiness)
    new Gauge({
      name: "nhsai_ready",
      help: "1 when a platform or part of serve (slack, teams, scheduler, feeds) is ready, 0 when not",
      labelNames: ["part"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [part, state] of Object.entries(readiness())) this.set({ part }, state.ready ? 1 : 0);
      },
    });
  const expected = Buffer.from(`Bearer ${token}`);

  return {
    observe(_req, res, route) {
      const label = ROUTE_LABELS[route] ?? "other";
      const stop = duration.startTimer({ route: label });
      res.once("finish", () => {
        stop();
        requests.inc({ route: label, outcome: `${Math.floor(res.statusCode / 100)}xx` });
      });
    },
    message({ platform, outcome, seconds }) {
      messages.inc({ platform, outcome });
      if (QUESTION_OUTCOMES.has(outcome)) answerTime.observe({ platform }, seconds);
    },
    schedulerRun(summary) {
      schedulerRuns.inc({ outcome: summary ? "ok" : "failed" });
      for (const [outcome, count] of Object.entries(summary ?? {})) if (count > 0) posts.inc({ outcome }, count);
    },
    ignored(platform, reason) {
      ignoredActivities.inc({ platform, reason });
    },
    feedPoll(outcomes) {
      feedPolls.inc({ outcome: outcomes ? "ok" : "failed" });
      for (const { status } of outcomes ?? []) feedReads.inc({ outcome: status });
    },
    route: (req, res) => {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401, { "content-type": "text/plain", "www-authenticate": "Bearer" });
        res.end("metrics need Authorization: Bearer <METRICS_TOKEN>\n");
        return;
      }
      return registry.metrics().then((text) => {
        res.writeHead(200, { "content-type": registry.contentType });
        res.end(text);
      });
    },
  };
}
