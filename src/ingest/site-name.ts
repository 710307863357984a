/**
 * A site's name read from its domain, for outlets no list knows: the words the capture itself uses
 * for it ("Which?" on which.co.uk, "Ways to Wellness" on waystowellness.org.uk), else the domain's
 * label split into English words ("easterneye.biz" → "Eastern Eye"). Sites name themselves after
 * their domain far more often than not, so this beats showing a bare host.
 */

import { createRequire } from "node:module";
import { properName } from "../knowledge/bylines.js";
import { escapeRegExp } from "../knowledge/clean-capture.js";

/** Second-level labels under a country code ("co.uk", "org.uk", "com.au"): the name is one label up. */
const SECOND_LEVEL = /^(co|org|ac|gov|nhs|net|ltd|plc|sch|com|edu|me|police|mod)$/;
/** Short words that stay lower case inside a name ("Ways to Wellness"); other two-letter words are initials ("AI", "UK"). */
const MINOR_WORDS = new Set([
  "to",
  "of",
  "on",
  "in",
  "at",
  "by",
  "for",
  "and",
  "the",
  "a",
  "an",
  "or",
  "my",
  "we",
  "is",
  "it",
  "up",
  "go",
  "do",
  "me",
  "us",
  "so",
  "no",
]);
/** Two-letter pieces that stand for something in a site's name. */
const INITIALS = new Set(["ai", "uk", "eu", "us", "gp", "hr", "tv", "it"]);
/** A domain's label spells a few words: longer labels are brands or run-ons, not names to split. */
const MAX_WORDS = 5;
const MIN_LABEL = 4;
/** A proper name inside a domain is at least this long ("london"); shorter ones split words apart ("dall away"). */
const MIN_PROPER = 5;
/** An organisation's initials and a web word after them ("cafonline"). */
const WEB_INITIALS = /^([a-z]{2,6})(?:online|web)$/;
/** Country suffixes sites add to their name in the domain ("healthbusinessuk.net"). */
const COUNTRY_TAIL = /(uk|eu|us)$/;

let englishWords: Set<string> | null = null;

function words(): Set<string> {
  englishWords ??= new Set(
    (createRequire(import.meta.url)("an-array-of-english-words") as string[]).filter((w) => w.length >= 2),
  );
  return englishWords;
}

/**
 * Platforms that host many people's sites: the sub-site is the publisher, named by its address
 * ("medical-centre.blogspot.com") unless the capture writes its name.
 */
export const HOSTING_PLATFORM =
  /\.(?:azurewebsites\.net|herokuapp\.com|blogspot\.[a-z.]+|wordpress\.com|substack\.com|medium\.com|github\.io|gitlab\.io|tumblr\.com|wixsite\.com|weebly\.com|typepad\.com|squarespace\.com|blogger\.com|ghost\.io|netlify\.app)$/;

/** The site's name for `host`, or null when neither the capture nor the domain's words give one. */
export function siteNameForHost(host: string, lines: readonly string[] = []): string | null {
  const bare = host.toLowerCase().replace(/^www\./, "");
  if (HOSTING_PLATFORM.test(bare)) {
    const site = bare.split(".")[0] ?? "";
    return spelledInText(site.replace(/-/g, ""), lines) ?? bare;
  }
  // "lancashireandsouthcumbria.icb.nhs.uk": an integrated care board is named "NHS <its area> ICB".
  const board = /^([a-z]+)\.icb\.nhs\.uk$/.exec(bare)?.[1];
  if (board) {
    const area = spelledInText(board, lines)?.toLowerCase().split(" ") ?? wordsOfLabel(board);
    return area ? `NHS ${titleWords(area)} ICB` : null;
  }
  // "england.nhs.uk", "resolution.nhs.uk": a national NHS body's address is one word, its name "NHS <word>".
  const nhsWord = /^([a-z]{5,})\.nhs\.uk$/.exec(bare.split(".").slice(-3).join("."))?.[1];
  if (nhsWord && (words().has(nhsWord) || properName(nhsWord))) return `NHS ${capitalise(nhsWord)}`;
  // A unit's own site under its university or trust ("thisinstitute.cam.ac.uk"): its label names it.
  const unit = unitName(bare);
  if (unit) return spelledInText(unit.join("").toLowerCase(), lines) ?? titleWords(unit);
  // "daily8.com": a word and a number make one brand.
  const numbered = /^([a-z]{4,})(\d{1,3})$/.exec(nameLabel(host) ?? "");
  if (numbered?.[1] && words().has(numbered[1])) return capitalise(numbered[1]) + numbered[2];
  // "pne-uk.com": the country part of the address is not the name, unless the capture writes it so
  // ("Mental Health UK" on mentalhealth-uk.org).
  const fullLabel = nameLabel(host);
  const label = fullLabel?.replace(/-(?:uk|eu|us)$/, "");
  if (!fullLabel || !label) return null;
  if (label !== fullLabel) {
    const withCountry = spelledInText(fullLabel.replace(/-/g, ""), lines);
    if (withCountry) return withCountry;
  }
  // "esneft.nhs.uk", "wmahsn.org": an organisation's initials, spelled out where the capture names it;
  // "cafonline.org": initials and a web word, the initials spelled out so ("Charities Aid Foundation").
  const initials = /^[a-z]{4,8}$/.test(label) ? label : WEB_INITIALS.exec(label)?.[1];
  const spelledOut = initials && !words().has(initials) ? spelledOutInText(initials, lines) : null;
  if (spelledOut) return spelledOut;
  // "cio.com", "itv.com": a short label that is no word is the outlet's initials.
  if (/^[a-z]{2,3}$/.test(label) && !words().has(label)) return spelledOutInText(label, lines) ?? label.toUpperCase();
  if (label.replace(/-/g, "").length < MIN_LABEL) return null;
  const letters = label.replace(/-/g, "");
  const written = spelledInText(letters, lines) ?? spelledInText(letters.replace(COUNTRY_TAIL, ""), lines);
  if (written) return (bare.endsWith(".ac.uk") && universityIn(written, lines)) || written;
  // "nuffieldtrust" with "Nuffield" in the capture is Nuffield Trust, not "NUF Field Trust".
  const inCaptureWords = splitByCaptureWords(letters, lines);
  if (inCaptureWords) return inCaptureWords;
  // "hn-company": a short part that is no word is initials.
  const split = label
    .split("-")
    .map((part) => (/^[a-z]{2,3}$/.test(part) && !words().has(part) ? [part.toUpperCase()] : wordsOfLabel(part)));
  if (split.some((part) => part === null)) return null;
  const parts = split.flat() as string[];
  // "digi" → "di gi" is no name: a split needs a real word, and few two-letter pieces.
  // "bevanbrittan" → "be van brit tan", "deloitte" → "delo it te": short pieces mean a brand, not words.
  const odd = parts.filter(
    (w) => w.length <= 2 && !MINOR_WORDS.has(w) && !INITIALS.has(w) && w !== w.toUpperCase(),
  ).length;
  // Known initials ("UK", "AI") are no short word: "ukpulse" is "UK Pulse", and only the words count.
  const spelledWords = parts.filter((w) => !INITIALS.has(w.toLowerCase()));
  const meanLength = spelledWords.join("").length / Math.max(1, spelledWords.length);
  if (parts.length > MAX_WORDS || odd > 0 || meanLength < 4 || !parts.some((w) => w.length >= 4)) return null;
  // "richardhartley": a person's own site, named by its address, not a masthead.
  if (parts.every((w) => properName(w) !== null && !words().has(w.toLowerCase()))) return null;
  // The capture may write the name without the domain's country suffix ("Health Business magazine").
  // The domain's country suffix is seldom part of the name ("healthbusinessuk" is Health Business).
  if (parts.length > 2 && /^(uk|eu|us)$/i.test(parts[parts.length - 1] ?? "")) {
    const shorter = parts.slice(0, -1);
    return spelledInText(shorter.join(""), lines) ?? titleWords(shorter);
  }
  return titleWords(parts);
}

/** "birmingham.ac.uk" with "University of Birmingham researchers …" in the capture: the university's own name. */
function universityIn(place: string, lines: readonly string[]): string | null {
  const name = new RegExp(`\\bUniversity of ${escapeRegExp(place)}\\b|\\b${escapeRegExp(place)} University\\b`);
  for (const line of lines) {
    const found = name.exec(line)?.[0];
    if (found) return found;
  }
  return null;
}

function titleWords(parts: readonly string[]): string {
  return parts
    .map((w, i) =>
      // "drbhatti.com" is Dr Bhatti's: a title opening the name is no initials.
      i === 0 && TITLE.test(w)
        ? capitalise(w.toLowerCase())
        : PREFIXED.test(w)
          ? w
          : i > 0 && MINOR_WORDS.has(w)
            ? w
            : w.length <= 2
              ? w.toUpperCase()
              : capitalise(w),
    )
    .join(" ");
}
const TITLE = /^(?:dr|mr|mrs|ms|prof)$/i;
/** "ePrescribing", "mHealth": written so, not capitalised. */
const PREFIXED = /^[eim]\p{Lu}\p{Ll}/u;

/**
 * The words of a unit's label under an institution's domain (ac.uk, nhs.uk, gov.uk) when they end on an
 * organisation's word ("thisinstitute.cam.ac.uk" → This Institute); a section ("policy.", "blog.") is not one.
 */
function unitName(host: string): string[] | null {
  const labels = host.split(".");
  if (labels.length < 4 || !/^(ac|nhs|gov)$/.test(labels.at(-2) ?? "")) return null;
  const unit = splitIntoWords(labels.at(-4) ?? "", false);
  return unit && unit.length >= 2 && ORGANISATION_END.test(unit.at(-1) ?? "") ? unit : null;
}

/** "conversation.which.co.uk" → "which"; "blog.digi.me" → "digi"; "easterneye.biz" → "easterneye". */
function nameLabel(host: string): string | null {
  const labels = host
    .toLowerCase()
    .replace(/^www\./, "")
    .split(".");
  if (labels.length < 2) return null;
  const secondLevel =
    labels.length >= 3 && (labels.at(-1)?.length ?? 0) === 2 && SECOND_LEVEL.test(labels.at(-2) ?? "");
  return labels.at(secondLevel ? -3 : -2) ?? null;
}

/** A run of up to six words in the capture whose letters spell `letters`, as the capture writes it. */
function spelledInText(letters: string, lines: readonly string[]): string | null {
  if (letters.length < MIN_LABEL) return null;
  // The first writing of the name, or a fuller one ("Rosemere Cancer Foundation" after "Rosemere funds …").
  let found: string | null = null;
  for (const line of lines) {
    const tokens = line.split(/\s+/).filter(Boolean);
    // "Categories: …, ADR UK Partnership": a tag names a topic, so only the domain's own words are the name.
    const tags = TAG_LABEL.test(line);
    for (let i = 0; i < tokens.length; i++) {
      let joined = "";
      for (let j = i; j < Math.min(tokens.length, i + 6); j++) {
        // "Robotics & Automation" spells "roboticsandautomation".
        joined += (tokens[j] as string)
          .toLowerCase()
          .replace(/^&$/, "and")
          .replace(/[^\p{L}\p{N}]/gu, "");
        if (joined.length > letters.length || !letters.startsWith(joined)) break;
        if (joined !== letters) continue;
        const phrase = tokens
          .slice(i, (tags ? j : withOrganisationTail(tokens, j)) + 1)
          .join(" ")
          .replace(/^[("“‘']+|[)"”’',.;:]+$/g, "");
        if (/^[\p{Lu}\p{N}]/u.test(phrase) && phrase.length > (found?.length ?? 0)) found = phrase;
      }
    }
  }
  return found;
}

/**
 * The label spelled by two or more words the capture itself uses, as it writes them ("bristows" is
 * no split, but "yorkshirepost" with "Yorkshire" and "Post" in the text is Yorkshire Post): a brand
 * or a place the dictionary does not know is split where the page's own words split it, not into
 * short English words ("Bris Tows", "Peter Borough"). Every piece is a word of the capture: three
 * letters or more, or known initials ("AI").
 */
function splitByCaptureWords(letters: string, lines: readonly string[]): string | null {
  const vocabulary = new Map<string, string>();
  for (const line of lines)
    for (const token of line.split(/[^\p{L}\p{N}'’]+/u)) {
      const word = token.replace(/['’]s$/, "");
      const key = word.toLowerCase().replace(/['’]/g, "");
      if (key.length < 2 || (key.length < 3 && !INITIALS.has(key))) continue;
      // The capitalised writing wins ("Post" over "post").
      if (!vocabulary.has(key) || /^\p{Lu}/u.test(word)) vocabulary.set(key, word.replace(/['’]/g, "'"));
    }
  // best[i]: the fewest capture words spelling letters[0, i); an English word the capture splits
  // ("Health" "Care") stays one ("Healthcare"), as the dictionary splitter reads it.
  const best: (string[] | null)[] = [[]];
  for (let end = 1; end <= letters.length; end++) {
    best[end] = null;
    for (let start = 0; start < end; start++) {
      const before = best[start];
      const piece = letters.slice(start, end);
      const word = vocabulary.get(piece) ?? (piece.length >= MIN_LABEL && words().has(piece) ? piece : undefined);
      if (before && word && (!best[end] || before.length + 1 < (best[end]?.length ?? 0))) best[end] = [...before, word];
    }
  }
  const pieces = best[letters.length];
  // Only a word the dictionary lacks ("Nuffield", "UCAN") makes the capture's reading worth more than the splitter's.
  const ownWord = pieces?.some(
    (w) => !words().has(w.toLowerCase()) && vocabulary.has(w.toLowerCase().replace(/'/g, "")),
  );
  if (!pieces || !ownWord || pieces.length < 2 || pieces.length > MAX_WORDS) return null;
  return pieces.map((w) => (/^\p{Ll}/u.test(w) && !MINOR_WORDS.has(w) ? capitalise(w) : w)).join(" ");
}

/** A line of tags or categories. */
const TAG_LABEL = /^(?:categor(?:y|ies)|tags?|topics?|filed under|sections?)\s*:/i;

/** Words that end an organisation's name: "Rosemere" is written out as "Rosemere Cancer Foundation". */
const ORGANISATION_END =
  /^(foundation|trust|group|law|solicitors|institute|society|network|partnership|charity|ltd|limited|llp|plc|company|consulting|service|services|council|authority|agency|association|college|university|hospital|commission|board)$/i;

/**
 * The organisation the capture names whose initials the label is ("yas" → "Yorkshire Ambulance
 * Service", "esneft" → "East Suffolk and North Essex NHS Foundation Trust"): capitalised words,
 * small joining words between them, ending in an organisation word, so a job title ("Chief
 * Information Officer" for "cio") is never taken for the site. "NHS" may be left out of the initials.
 */
function spelledOutInText(initials: string, lines: readonly string[]): string | null {
  for (const line of lines) {
    const tokens = line.split(/\s+/).map((t) => t.replace(/[,.;:()]+$/, ""));
    for (let i = 0; i < tokens.length; i++) {
      if (!/^\p{Lu}\p{Ll}/u.test(tokens[i] ?? "")) continue;
      let all = "";
      let withoutNhs = "";
      for (let j = i; j < Math.min(tokens.length, i + MAX_SPELLED_WORDS); j++) {
        const token = tokens[j] as string;
        if (JOINING_WORD.test(token) && j > i) continue;
        if (!/^\p{Lu}/u.test(token)) break;
        all += token[0]?.toLowerCase();
        if (token !== "NHS") withoutNhs += token[0]?.toLowerCase();
        if (!initials.startsWith(all) && !initials.startsWith(withoutNhs)) break;
        if ((all === initials || withoutNhs === initials) && ORGANISATION_END.test(token))
          return tokens.slice(i, j + 1).join(" ");
      }
    }
  }
  return null;
}
/** An organisation's name spelled out runs to at most this many words ("East Suffolk and North Essex NHS Foundation Trust"). */
const MAX_SPELLED_WORDS = 10;
const JOINING_WORD = /^(and|of|the|for|&)$/;

/** The last token of the name starting at `end`'s run: extended over capitalised words to an organisation word. */
function withOrganisationTail(tokens: readonly string[], end: number): number {
  // "In a statement to IT Pro, Torbay Care Trust blamed …": a comma ends the name.
  if (/[,;:.]$/.test(tokens[end] ?? "")) return end;
  for (let k = end + 1; k <= Math.min(tokens.length - 1, end + 3); k++) {
    const token = tokens[k] as string;
    if (!/^\p{Lu}/u.test(token)) break;
    if (ORGANISATION_END.test(token.replace(/[.,;:]+$/, ""))) return k;
  }
  return end;
}

/**
 * The words a label spells: English words (initials may open it), and only when those fail or need
 * initials, proper names too ("eastlondontimes" → "East London Times", "londonnewsnetwork" is not
 * "LON Don News Network"). Tried first, proper names would split plain words apart ("Heal Thai").
 */
function wordsOfLabel(label: string): string[] | null {
  const plain = splitIntoWords(label, false);
  if (plain && !/^[A-Z]{2,}$/.test(plain[0] ?? "")) return plain;
  return splitIntoWords(label, true) ?? plain;
}

/** The fewest English words (two letters or more; `withProper`: proper names too) that spell `text`, or null. */
function splitIntoWords(text: string, withProper: boolean): string[] | null {
  const dictionary = words();
  // best[i]: the cheapest split of text[0, i); a two-letter word costs a little more, so "ways to wellness" beats odd splits.
  const best: ({ cost: number; words: string[] } | null)[] = [{ cost: 0, words: [] }];
  for (let end = 1; end <= text.length; end++) {
    best[end] = null;
    for (let start = Math.max(0, end - 20); start <= end - 2; start++) {
      const before = best[start];
      const word = text.slice(start, end);
      if (!before) continue;
      // Initials may open a name ("e18innovation" → "E18 Innovation"); at its end they are more often a
      // word cut short ("severuss" is no "Sever USS").
      const initials = !dictionary.has(word) && start === 0 && word.length <= 3;
      // A place or a person's name ("london", "bevan") counts as a word, a little dearer than one.
      const proper = withProper && !dictionary.has(word) && word.length >= MIN_PROPER ? properName(word) : null;
      // "eprescribing", "journalofmhealth": an e-, i- or m- before a word is one word ("ePrescribing",
      // "mHealth"), opening the name or after a small word ("mobihealth" is no "Mob iHealth").
      const opening = start === 0 || MINOR_WORDS.has(before.words.at(-1) ?? "");
      const prefixed =
        opening && !dictionary.has(word) && /^[eim][a-z]{5,}$/.test(word) && dictionary.has(word.slice(1))
          ? word.charAt(0) + capitalise(word.slice(1))
          : null;
      if (!dictionary.has(word) && !initials && !proper && !prefixed) continue;
      // Between two splits of as many words, the one with a name's small word ("robotics and
      // automation", not "robotic sand automation") reads as a name.
      const cost =
        before.cost +
        1 +
        (word.length <= 2 ? 0.5 : 0) +
        (initials ? 0.6 : 0) +
        (proper || prefixed ? 0.6 : 0) -
        (MINOR_WORDS.has(word) ? 0.1 : 0);
      if (!best[end] || cost < (best[end]?.cost ?? Number.POSITIVE_INFINITY))
        best[end] = { cost, words: [...before.words, initials ? word.toUpperCase() : (proper ?? prefixed ?? word)] };
    }
  }
  return best[text.length]?.words ?? null;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
