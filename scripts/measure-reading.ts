/**
 * Measures the text-capture reader against hand-recorded truth: headline right, authors found
 * where the capture shows them, publisher, date, and list glyphs left in quotable sentences.
 * Usage: node dist/scripts/measure-reading.js <split,split> <articles.json> [<articles.json> …]
 * (the pseudo-split "retired" takes the retired holdout pages, whatever split they now carry)
 * (captures are found beside each record file: captures/ for train and validation, ../holdout/captures/).
 * With `--by-writer a,b,…` first, it prints one row per writer's set (articles-<letter>.json) and,
 * for each, the figures on all the other sets, then the sets the rules were written on (the letters
 * given) against the rest: a rule that only fits the pages it was written on shows here.
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { knownName, knownParent } from "../src/ingest/publishers.js";
import { readTextCapture } from "../src/ingest/read-text.js";
import { splitSentences } from "../src/knowledge/split-sentences.js";

interface Truth {
  headline: string | null;
  authors: string[];
  publisher: string | null;
  published: string | null;
}
interface ArticleRecord {
  file: string;
  split: string;
  url: string | null;
  truth: Truth;
  /** A frozen holdout page moved into training after its scoring: no reading rule was written on it. */
  retiredHoldout?: boolean;
}

/**
 * The record is one of `splits`: its own split, or the pseudo-split "retired" for the retired
 * holdout pages (so the pages no rule was written on can be measured apart from the rest of train).
 */
const inSplits = (record: ArticleRecord, splits: ReadonlySet<string>) =>
  splits.has(record.split) || (splits.has("retired") && record.retiredHoldout === true);

const fold = (t: string | null | undefined) =>
  (t ?? "")
    .normalize("NFKC")
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/\s&\s/g, " and ")
    .replace(/^the\s+/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** A name's letters alone: "Tech Today" and "TechToday", "Taxpayers Alliance" and "TaxPayers' Alliance" are one spelling. */
const spelling = (t: string | null | undefined) =>
  fold(t)
    .replace(/\.(?:org|com|net|co\.uk|org\.uk)$/, "")
    .replace(/[^\p{L}\p{N}]/gu, "");

/**
 * A name's words, punctuation and a web suffix aside ("+" and "&" read "and"): "Chemist+Druggist" and "Chemist and Druggist",
 * "News-Medical" and "News Medical", "Usher Institute, University of Edinburgh" and "Usher Institute
 * (University of Edinburgh)" are one name written two ways. Words run together or split apart
 * ("Nurs Eon Estop") are not.
 */
const nameWords = (t: string | null | undefined) =>
  fold(t)
    .replace(/\s*[+&]\s*/g, " and ")
    .replace(/\.(?:org|com|net|co\.uk|org\.uk)$/, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ");

/** A person's name without a title before it: "Dr Jane Smith" and "Jane Smith" are one writer. */
const person = (t: string) =>
  fold(t).replace(/^(?:(?:dr|prof|professor|mr|mrs|ms|miss|sir|dame|lord|baroness)\.?\s+)+/, "");

export interface ReadingTally {
  n: number;
  headline: number;
  authorsShown: number;
  authorsFound: number;
  extraAuthors: number;
  inventedBeside: number;
  /**
   * Publisher right as a reader takes it: the record's name (or either half of "MHRA (GOV.UK)") in
   * the same words, or another name the known-outlet list gives the same outlet ("Health Service
   * Journal" for "HSJ", "BBC News" for "BBC"), or one of its editions ("ITV News Granada" for "ITV News").
   */
  publisher: number;
  /** Publisher exactly as the record writes it (case, a leading "the" and spacing aside): the measure before session 8. */
  publisherAsWritten: number;
  /**
   * Publisher right, naming the same known outlet as the record ("HSJ" for "Health Service Journal"),
   * or spelling the same letters ("Tech Today" for "TechToday").
   */
  sameOutlet: number;
  date: number;
  glyphs: number;
}

/**
 * How the publisher read compares with the recorded one: `asWritten`, the record's name (or either
 * half of "MHRA (GOV.UK)"); `right`, as a reader takes it (that, the same words written another way,
 * or the same known outlet under another name or edition); `sameSpelling`, only the letters agree
 * ("Tech Today" for "TechToday", but also a garbled split such as "Nurs Eon Estop").
 */
export function publisherVerdict(recorded: string | null, got: string | null) {
  const names = [recorded, ...(/^(.+?)\s*\((.+)\)$/.exec(recorded ?? "")?.slice(1) ?? [])];
  const accepted = names.map(fold);
  const asWritten = accepted.includes(fold(got));
  const sameName = got !== null && accepted.some((a) => a !== "" && nameWords(a) === nameWords(got));
  const outlet = got ? knownName(got) : null;
  // "ITV News Granada" for "ITV News", "Nursing Standard" for "RCNi": an edition or a title of the recorded outlet, or the reverse.
  const sameKnown =
    outlet !== null &&
    names.some((name) => {
      const r = name ? knownName(name) : null;
      return r !== null && (r === outlet || knownParent(outlet) === r || knownParent(r) === outlet);
    });
  const spelled = spelling(got);
  const sameSpelling = spelled !== "" && accepted.some((a) => spelling(a) === spelled);
  return { asWritten, right: asWritten || sameName || sameKnown, sameSpelling };
}

/** Reads every capture of `splits` in the record files and counts what it got right; `misses` says what it did not. */
export function measureReading(splits: ReadonlySet<string>, files: readonly string[]) {
  const tally: ReadingTally = { ...EMPTY };
  const misses: string[] = [];
  for (const recordFile of files) {
    const { articles } = JSON.parse(readFileSync(recordFile, "utf8")) as { articles: ArticleRecord[] };
    for (const record of articles.filter((a) => inSplits(a, splits))) {
      const folder =
        record.split === "holdout"
          ? join(dirname(recordFile), "..", "holdout", "captures")
          : join(dirname(recordFile), "captures");
      const path = join(folder, record.file);
      if (!existsSync(path)) continue;
      const read = readTextCapture(readFileSync(path, "utf8"), { url: record.url });
      tally.n++;
      const got = read.ok ? read.value : null;
      const t = record.truth;
      const say = (what: string, want: unknown, have: unknown) =>
        misses.push(`${record.file} ${what}: want ${JSON.stringify(want)} got ${JSON.stringify(have)}`);
      if (fold(got?.title) === fold(t.headline)) tally.headline++;
      else say("headline", t.headline, got?.title ?? (read.ok ? null : read.reason));
      if (t.authors.length > 0) {
        tally.authorsShown++;
        const have = new Set((got?.authors ?? []).map(person));
        if (t.authors.every((a) => have.has(person(a)))) tally.authorsFound++;
        else say("authors", t.authors, got?.authors);
        const wanted = new Set(t.authors.map(person));
        const invented = (got?.authors ?? []).filter((a) => !wanted.has(person(a)));
        if (invented.length > 0) {
          tally.inventedBeside++;
          say("authors (names not shown)", t.authors, got?.authors);
        }
      } else if ((got?.authors.length ?? 0) > 0) {
        tally.extraAuthors++;
        say("authors (none shown)", t.authors, got?.authors);
      }
      const verdict = publisherVerdict(t.publisher, got?.publisher ?? null);
      if (verdict.asWritten) tally.publisherAsWritten++;
      if (verdict.right) tally.publisher++;
      if (verdict.right || verdict.sameSpelling) tally.sameOutlet++;
      if (!verdict.right)
        say(verdict.sameSpelling ? "publisher (same outlet)" : "publisher", t.publisher, got?.publisher);
      const date = got?.published?.value ?? null;
      if (date === t.published || (t.published && date?.startsWith(t.published))) tally.date++;
      else say("date", t.published, date);
      for (const p of got?.paragraphs ?? [])
        for (const s of splitSentences(p.text)) if (/^[-•*–·▪►◦]\s|\s•\s/.test(s.text)) tally.glyphs++;
    }
  }
  return { tally, misses };
}

/** The writer's letter of a record file ("articles-c.json" → "c"), or the file's name. */
export function writerOf(recordFile: string): string {
  return /articles-([a-z]+)\.json$/.exec(recordFile)?.[1] ?? recordFile;
}

function sum(tallies: readonly ReadingTally[]): ReadingTally {
  const total = { ...EMPTY };
  for (const t of tallies) for (const key of Object.keys(total) as (keyof ReadingTally)[]) total[key] += t[key];
  return total;
}
const EMPTY: ReadingTally = {
  n: 0,
  headline: 0,
  authorsShown: 0,
  authorsFound: 0,
  extraAuthors: 0,
  inventedBeside: 0,
  publisher: 0,
  publisherAsWritten: 0,
  sameOutlet: 0,
  date: 0,
  glyphs: 0,
};

/**
 * Leave-one-writer-out: each writer's set measured alone beside the figures on every other set,
 * and the sets the rules were written on (`writtenOn`) against the sets they were not.
 */
export function measureByWriter(splits: ReadonlySet<string>, files: readonly string[], writtenOn: ReadonlySet<string>) {
  const perWriter = files.map((file) => ({ writer: writerOf(file), tally: measureReading(splits, [file]).tally }));
  const rows = perWriter.map(({ writer, tally }) => ({
    label: `${writer}${writtenOn.has(writer) ? " (written on)" : ""}`,
    alone: tally,
    rest: sum(perWriter.filter((w) => w.writer !== writer).map((w) => w.tally)),
  }));
  const group = (inside: boolean) =>
    sum(perWriter.filter((w) => writtenOn.has(w.writer) === inside).map((w) => w.tally));
  return { rows, writtenOn: group(true), notWrittenOn: group(false) };
}

const pct = (x: number, of: number) => (of ? `${((100 * x) / of).toFixed(0)}% (${x}/${of})` : "n/a");
const describe = (t: ReadingTally) =>
  `captures ${t.n}: headline ${pct(t.headline, t.n)}, authors found ${pct(t.authorsFound, t.authorsShown)}, ` +
  `authors where none shown ${t.extraAuthors}, names invented beside real ones ${t.inventedBeside}, publisher ${pct(t.publisher, t.n)} (as written ${pct(t.publisherAsWritten, t.n)}; same outlet ${pct(t.sameOutlet, t.n)}), date ${pct(t.date, t.n)}, ` +
  `glyphs in sentences ${t.glyphs}`;
const row = (t: ReadingTally) =>
  [
    t.n,
    pct(t.headline, t.n),
    pct(t.authorsFound, t.authorsShown),
    t.extraAuthors + t.inventedBeside,
    `${pct(t.publisher, t.n)}; as written ${pct(t.publisherAsWritten, t.n)}; same outlet ${pct(t.sameOutlet, t.n)}`,
    pct(t.date, t.n),
  ].join(" | ");

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const byWriter = args[0] === "--by-writer" ? new Set((args[1] ?? "").split(",").filter(Boolean)) : null;
  const [splitArg = "train,validation", ...files] = byWriter ? args.slice(2) : args;
  const splits = new Set(splitArg.split(","));
  if (byWriter) {
    const view = measureByWriter(splits, files, byWriter);
    console.log("| set | captures | headline | authors found | names invented | publisher | date |");
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const r of view.rows) {
      console.log(`| ${r.label} | ${row(r.alone)} |`);
      console.log(`| all but ${r.label.split(" ")[0]} | ${row(r.rest)} |`);
    }
    console.log(`| written on | ${row(view.writtenOn)} |`);
    console.log(`| not written on | ${row(view.notWrittenOn)} |`);
  } else {
    const { tally, misses } = measureReading(splits, files);
    console.log(misses.join("\n"));
    console.log(describe(tally));
  }
}
