/**
 * What the hostile-input tests throw at every door: fixed nasty strings plus fast-check samples
 * drawn from a seed printed once per file (rerun with HOSTILE_SEED=<seed> to get the same inputs),
 * and a fingerprint of what the embedded store keeps, so a test can assert that bad input changed
 * nothing.
 */

import { join } from "node:path";
import fc from "fast-check";
import Database from "libsql";
import { Agent } from "undici";

/**
 * A new connection per request, for tests whose server runs in their own process: on a loaded
 * machine a long turn can outlast the server's 5 s keep-alive, racing a reused connection into
 * ECONNRESET. Pass as `dispatcher` to undici's fetch.
 */
export const freshConnections = new Agent({ pipelining: 0 });

/** One seed per test file, printed so a failure can be replayed. */
export function hostileSeed(file: string): number {
  const seed = Number(process.env.HOSTILE_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.info(`[hostile] ${file}: seed ${seed} (rerun with HOSTILE_SEED=${seed})`);
  return seed;
}

/** Text a person, a page or an attacker might send, each a known way to break a parser or a renderer. */
export const NASTY_TEXT: ReadonlyArray<readonly [string, string]> = [
  ["empty", ""],
  ["spaces only", "   \t  "],
  ["a NUL", "funding\u0000news"],
  ["control characters", "\u0001\u0002\u0007\u001b[2J\u001b]0;owned\u0007"],
  ["right-to-left override", "\u202Etxt.exe\u202C funding"],
  ["Arabic and Hebrew", "ما هو التمويل؟ מה המימון"],
  ["emoji and joiners", "👩🏽‍⚕️🏥💷".repeat(200)],
  ["combining marks", `Z${"\u0336\u0337\u0338".repeat(300)}`],
  ["lone surrogates", "\uD800funding\uDC00"],
  ["mention and broadcast injection", "<!channel> <!here|here> <!everyone> <!subteam^S1> <@U123> <#C1>"],
  ["a disguised link", "<https://evil.example|NHS login> [NHS login](https://evil.example)"],
  ["mrkdwn metacharacters", "*bold* _it_ ~gone~ `code` ```block``` > quote &lt; &amp;"],
  ["HTML and script", "<script>alert(1)</script><img src=x onerror=alert(1)> <at>nhsai</at>"],
  ["3,001 characters", "a".repeat(3_001)],
  ["40,000 characters", "funding ".repeat(5_000)],
  ["one 200,000-character word", "x".repeat(200_000)],
  ["binary", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)).toString("latin1")],
  ["a --since that is nonsense", "digest --since 2026-13-45"],
  ["JSON-looking", '{"type":"block_actions","__proto__":{"admin":true}}'],
  ["prototype keys", "__proto__ constructor prototype toString"],
];

/** `count` random strings of every kind of unit (ASCII to lone surrogates), from the file's seed. */
export function randomTexts(seed: number, count: number, maxLength = 300): string[] {
  return fc.sample(
    fc.oneof(
      fc.string({ unit: "binary", maxLength }),
      fc.string({ unit: "grapheme", maxLength }),
      fc.string({
        unit: fc.constantFrom("<", ">", "&", "!", "@", "#", "|", "*", "_", "~", "`", "\u0000", "\u202E", " "),
        maxLength,
      }),
    ),
    { seed, numRuns: count },
  );
}

/** Random JSON values (wrong types for any field), from the file's seed. */
export function randomJson(seed: number, count: number): unknown[] {
  return fc.sample(fc.jsonValue({ maxDepth: 3 }), { seed: seed + 1, numRuns: count });
}

/** Tables that change on any request by design: replay records, the health probe, chat memory. */
const BOOKKEEPING = new Set(["handled_events", "store_probe", "conversation_memory", "schema_migrations"]);

/**
 * Every row of what the bot keeps (not its replay records, probe or conversation memory), as one
 * string. `ignoreReferences` leaves out Teams conversation references and their audit rows: every
 * message a bot answers refreshes its conversation's reference, by design.
 */
export function storeFingerprint(dataDir: string, ignoreReferences = false): string {
  const db = new Database(join(dataDir, "nhsai.db"), { readonly: true });
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>
    )
      .map((row) => row.name)
      .filter((name) => !BOOKKEEPING.has(name) && !name.startsWith("sqlite_"))
      .filter((name) => !(ignoreReferences && name === "conversation_references"));
    const rows = (table: string) =>
      table === "audit_log" && ignoreReferences
        ? db.prepare("SELECT * FROM audit_log WHERE action NOT LIKE 'conversation.%'").all()
        : db.prepare(`SELECT * FROM "${table}"`).all();
    return tables.map((table) => `${table}:${JSON.stringify(rows(table))}`).join("\n");
  } finally {
    db.close();
  }
}

/** True when `text` carries a Slack control sequence as Slack would act on it (raw, unescaped). */
export const RAW_SLACK_CONTROL = /<(!channel|!here|!everyone|!subteam|@U|#C|https?:)/;
