/**
 * `nhsai ingest --refresh <file|url>` re-reads a held document and corrects its title, authors,
 * publisher and date, keeping its id; without the flag the same text is "already held".
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { runNhsai } from "../helpers/factories.js";
import { useIngestHarness } from "./ingest-harness.js";

const h = useIngestHarness();

const BODY = [
  "Eastmoor Community Health has given 400 district nurses tablets that show a patient's shared care record at the bedside.",
  "The nurses previously phoned the GP practice or the hospital for results, which took up to an hour a day.",
  "The trust said the tablets cost £600,000 and were paid for from its digital transformation budget for this year.",
  "Nurse consultant Amira Haddad said the change meant fewer repeat visits and fewer calls to busy practices.",
].join("\n\n");

/** A capture with no headline: the title is written from the text, the publisher unknown. */
const BARE_CAPTURE = `Skip to content\n\n${BODY}\n`;
const WITH_FRONT_MATTER = [
  "---",
  "title: District nurses get bedside access to shared care records",
  "publisher: Eastmoor Health Bulletin",
  "author: Sam Okafor",
  "date: 2026-11-02",
  "---",
  "",
  BODY,
  "",
].join("\n");

it("updates a held document's title, authors, publisher and date from a better copy, keeping its id", async () => {
  const ingest = h.ingester();
  const [first] = await ingest.ingestFile("nurses.txt", BARE_CAPTURE);
  if (first?.status !== "added") throw new Error(`expected added, got ${first?.status}`);
  expect(first.document.titleEditorial).toBe(true);

  const [plain] = await ingest.ingestFile("nurses.md", WITH_FRONT_MATTER);
  expect(plain?.status).toBe("duplicate");

  const [again] = await ingest.ingestFile("nurses.md", WITH_FRONT_MATTER, { refresh: true });
  if (again?.status !== "refreshed") throw new Error(`expected refreshed, got ${again?.status}`);
  expect(again.document.id).toBe(first.document.id);
  const [stored] = (await h.store.listDocuments()).filter((d) => d.id === first.document.id);
  expect(stored).toMatchObject({
    title: "District nurses get bedside access to shared care records",
    titleEditorial: false,
    publisher: "Eastmoor Health Bulletin",
    authors: ["Sam Okafor"],
    published: { value: "2026-11-02", precision: "day" },
  });
  expect(await h.store.listDocuments()).toHaveLength(1);

  // The running library cites the new title and publisher at once.
  const answer = answerQuestion(h.library, "How much did the Eastmoor nurses' tablets cost?");
  expect(answer.citations[0]).toMatchObject({ title: stored?.title, publisher: "Eastmoor Health Bulletin" });
});

it("works from the command line: --refresh <file> reports 'refreshed' and keeps one document", async () => {
  const dir = mkdtempSync(join(tmpdir(), "nhsai-refresh-"));
  try {
    const env = { DATA_DIR: join(dir, "data") };
    writeFileSync(join(dir, "nurses.txt"), BARE_CAPTURE);
    writeFileSync(join(dir, "nurses.md"), WITH_FRONT_MATTER);
    expect((await runNhsai(["ingest", join(dir, "nurses.txt")], "", env)).code).toBe(0);
    const refreshed = await runNhsai(["ingest", "--refresh", join(dir, "nurses.md")], "", env);
    expect(refreshed.stdout).toMatch(
      /^refreshed: “District nurses get bedside access to shared care records” \(Eastmoor Health Bulletin\)/m,
    );
    expect(refreshed.stdout).toMatch(/0 added, 0 already held, 1 refreshed, 0 errors/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
