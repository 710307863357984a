/**
 * The store on each backend, each measured in fresh child processes so neither the bench's own
 * memory nor a warm module cache flatters it: opening a new store (load the driver, create,
 * migrate) and opening it again in a new process (a restart, latencies and memory taken there):
 * durable write and read latency, and resident memory.
 * PostgreSQL is measured when DATABASE_URL is set, in a schema of its own that is dropped after.
 */

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchContext } from "../context.js";
import type { Figures, Section } from "../section.js";

const WRITES = 1_000;
const READS = 1_000;

/** Runs in the child: `node --input-type=module -e PROBE <dist> <json target>`; prints one JSON line. */
const PROBE = `
const [dist, json] = process.argv.slice(1);
const target = JSON.parse(json);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length))) - 1]; };
const mb = () => process.memoryUsage().rss / 2 ** 20;
const rssBaseMb = mb();
const now = new Date("2026-11-23T09:00:00Z");
const open = async () => target.backend === "embedded"
  ? (await import(dist + "/src/store/embedded/open-embedded-store.js")).openEmbeddedStore({ dataDir: target.dataDir, now })
  : (await import(dist + "/src/store/postgres/open-postgres-store.js")).openPostgresStore({ databaseUrl: target.databaseUrl, schema: target.schema, now });
const start = performance.now();
const store = await open();
const openMs = performance.now() - start;
const reference = { bot: { id: "28:bot" }, conversation: { id: "19:abc" }, serviceUrl: "https://smba.example/emea/" };
for (let i = 0; i < 50; i++) await store.saveConversationReference("warm-" + i, reference, "bench", now);
const writes = [];
for (let i = 0; i < ${WRITES}; i++) {
  const t = performance.now();
  await store.markEventHandled(target.run + "-Ev" + i, now);
  writes.push(performance.now() - t);
}
const reads = [];
for (let i = 0; i < ${READS}; i++) {
  const t = performance.now();
  await store.getConversationReference("warm-" + (i % 50));
  reads.push(performance.now() - t);
}
const rssMb = mb();
await store.close();
process.stdout.write(JSON.stringify({ openMs, writeP50: pct(writes, 50), writeP99: pct(writes, 99),
  readP50: pct(reads, 50), readP99: pct(reads, 99), rssBaseMb, rssMb }) + "\\n");
`;

interface Probe {
  openMs: number;
  writeP50: number;
  writeP99: number;
  readP50: number;
  readP99: number;
  rssBaseMb: number;
  rssMb: number;
}

function probe(ctx: BenchContext, target: Record<string, string>): Probe {
  const result = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", PROBE, join(ctx.root, "dist"), JSON.stringify(target)],
    { encoding: "utf8", timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`store probe failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Probe;
}

/** A first start (create and migrate) in one process, then a restart on the same data in another. */
function measure(ctx: BenchContext, prefix: string, target: Record<string, string>): Figures {
  const first = probe(ctx, { ...target, run: "first" });
  const p = probe(ctx, { ...target, run: "restart" });
  return {
    [`${prefix}_open_new_ms`]: first.openMs,
    [`${prefix}_open_existing_ms`]: p.openMs,
    [`${prefix}_write_p50_ms`]: p.writeP50,
    [`${prefix}_write_p99_ms`]: p.writeP99,
    [`${prefix}_read_p50_ms`]: p.readP50,
    [`${prefix}_read_p99_ms`]: p.readP99,
    [`${prefix}_rss_mb`]: p.rssMb,
    [`${prefix}_rss_over_node_mb`]: p.rssMb - p.rssBaseMb,
  };
}

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export const store: Section = {
  name: "store",
  about: `store per backend, fresh processes: open new, open existing, ${WRITES} durable writes (handled event), ${READS} reads (conversation reference), RSS`,
  run: async (ctx) => {
    const dataDir = mkdtempSync(join(tmpdir(), "nhsai-bench-store-"));
    let result: Figures;
    try {
      result = measure(ctx, "store_embedded", { backend: "embedded", dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // The bench runs with the caller's environment; DATABASE_URL picks the server to measure.
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      ctx.log("DATABASE_URL is not set: PostgreSQL not measured");
      return { ...result, store_postgresql_measured: false };
    }
    const schema = `nhsai_bench_${process.pid}`;
    try {
      Object.assign(result, measure(ctx, "store_postgresql", { backend: "postgresql", databaseUrl, schema }));
    } finally {
      await dropSchema(databaseUrl, schema);
    }
    return { ...result, store_postgresql_measured: true };
  },
};
