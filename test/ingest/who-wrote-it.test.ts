/**
 * "Who wrote it?" end to end, as a person would ask it: `nhsai ingest` of real text captures (no
 * address, so only what the capture shows), then `nhsai ask --json` naming the piece by its subject.
 * The writers are given in the captures' standfirsts, not in bylines.
 */

import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ROOT, runNhsai } from "../helpers/factories.js";

const CORPUS = join(ROOT, "test", "fixtures", "corpus");
const truth = new Map(
  (
    JSON.parse(readFileSync(join(CORPUS, "articles-r.json"), "utf8")) as {
      articles: { file: string; truth: { headline: string; authors: string[] } }[];
    }
  ).articles.map((a) => [a.file, a.truth]),
);

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nhsai-who-wrote-"));
  env = { DATA_DIR: join(dir, "data") };
  for (const file of ["r-nhsproviders-epr-never-ending.txt", "r-bmj-blogs-data-grab.txt"])
    copyFileSync(join(CORPUS, "captures", file), join(dir, file));
  const ingested = await runNhsai(
    ["ingest", join(dir, "r-nhsproviders-epr-never-ending.txt"), join(dir, "r-bmj-blogs-data-grab.txt")],
    "",
    env,
  );
  expect(ingested.stdout).toContain("2 added");
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it.each([
  [
    "who wrote the piece on electronic patient records being a never-ending story?",
    "r-nhsproviders-epr-never-ending.txt",
  ],
  ["who wrote about the delay to the NHS data grab?", "r-bmj-blogs-data-grab.txt"],
])("%s", async (question, file) => {
  const asked = await runNhsai(["ask", "--json", question], "", env);
  expect(asked.code).toBe(0);
  const answer = JSON.parse(asked.stdout) as { answer: string; abstained: boolean; citations: { title: string }[] };
  const expected = truth.get(file);
  expect(answer.abstained).toBe(false);
  expect(answer.citations[0]?.title).toBe(expected?.headline);
  for (const author of expected?.authors ?? []) expect(answer.answer).toContain(author);
});
