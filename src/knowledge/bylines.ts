/**
 * Bylines as captures show them: "By Jane Smith", "Written by : Jane Smith", "By Dr Jo Bloggs,
 * Director of Digital at …, and Sam Jones, …", "Authors: A, B and C", a byline inside a line
 * ("… By Jane Smith June 21, 2019"), a credit line under the headline ("Mark Say Managing Editor",
 * "A, B, C, Ethical Healthcare Consulting"), a role on its own line, a feed's "jo@site.com (Jo
 * Bloggs)" and the writers a standfirst names ("…, writes Jane Smith", "In this blog, A and B
 * share …"). The names become the document's authors and a byline line leaves the body; the role
 * or organisation after a name is not a name, and neither is a team, a template or a tag. How
 * much a phrase looks like a person (`nameLikeness`) weighs the weaker cues in ingest/capture-authors.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const BYLINE_LEAD =
  /^(?:by|written by|words by|posted by|reported by|story by|submitted by|(?:report|paper|prepared)\s+by|(?:report\s+)?authors?|contributors?\s*:|writers?|words\s*:|reporter\s*:|(?:guest\s+)?(?:blog|post|opinion|comment|column)\s*:)\s*[:\-–]?\s+(.+)$/i;
/** Words that make a phrase a role or an organisation rather than a person's name. */
const ROLE_WORD =
  /^(chief|head|director|officer|manager|managing|editor|editorial|reporter|correspondent|founder|co-founder|cofounder|lead|consultant|consulting|analyst|fellow|researcher|secretary|minister|executive|president|ceo|cto|cio|cmo|cno|partner|senior|associate|assistant|deputy|journalist|writer|contributor|contributing|staff|team|desk|news|nhs|trust|university|foundation|institute|group|limited|ltd|the|of|at|for|in|health|healthcare|digital|medical|clinical|policy|programme|national|global|content|marketing|ethical|technology|tech|data|ai|care|services|media|press|england|uk|published|posted|updated|blog|on|is|centre|center|agency|council|office|unit|service|society|association|department|ministry|commission|authority|board|partnership|network|college|hospital|clinic|company|inc|plc|llp|their|our|your|its|his|her|this|that|these|those|how|why|what|when|where|who|new|latest|top|government|industry|leadership|by|written|more|most|than|half|all|some|many|few|report|session|chapter|part|section|volume|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|profile|picture|user)$/i;
/** Words that close an organisation's or a place's name ("… Hospital", "… Trust"), never a person's role. */
const ORGANISATION_WORD =
  /^(trust|university|foundation|institute|group|limited|ltd|inc|plc|llp|centre|center|agency|council|office|unit|society|association|department|ministry|commission|authority|board|partnership|network|college|hospital|clinic|company|school|surgery|practice)$/i;
/** "North Yorkshire", "East Kent", "Mid Cheshire": a compass word opening the phrase or a county closing it. */
export function isPlaceName(name: string): boolean {
  const words = name.split(" ");
  return (
    /^(?:north|south|east|west|northern|southern|eastern|western|central|greater|upper|lower|mid)$/i.test(
      words[0] ?? "",
    ) || /shire$/i.test(words.at(-1) ?? "")
  );
}
const TITLE = /^(dr|prof|professor|sir|dame|mr|mrs|ms|miss|lord|lady|baroness)\.?$/i;
const CONNECTOR = /^(of|and|at|for|the|in|on|to|&)$/i;
const PARTICLE = /^(de|van|von|der|den|da|di|du|la|le|bin|al|el)$/i;
const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u;
const SEPARATOR = /\s*(?:,|;|&|\band\b|\||\s[-–—]\s)\s*/;
/** A credit line is short and is not a sentence. */
const CREDIT_WORDS = 18;

/** Labels that say outright the next words are a writer's name, so even "jo bloggs" in lower case is one. */
const EXPLICIT_LABEL =
  /^(?:(?:report\s+)?authors?|contributors?\s*:|written by|posted by|submitted by|writers?|words\s*:|reporter\s*:)/i;
/** A list glyph opening a line ("- By Jane Doe"). */
const LINE_GLYPH = /^\s*[-•*–·▪◦]\s+/;
/** A writer's contact after the name on a byline: an email address or a social handle. */
const CONTACT = /\s+(?:\S+@\S+\.\w+|@\w+)(?=\s|$)/g;

/** The people named by a byline line ("By …", "Authors: …"), or [] when the line is not one. */
export function namesInByline(line: string): string[] {
  // "- By JANE DOE jane.doe@paper.co.uk @janedoe": the glyph and the contacts are no part of the name.
  const text = line.replace(LINE_GLYPH, "").replace(CONTACT, "").trim();
  const lead = BYLINE_LEAD.exec(text);
  if (!lead?.[1] || lead[1].length > 300) return [];
  // "BY JANE DOE": a byline set in capitals names the writer all the same.
  const list = /\p{Ll}/u.test(lead[1]) ? lead[1] : titleCase(lead[1].toLowerCase());
  const names = leadingNames(list);
  // "By A, Professor of X, University of Y, and B, Director of Z": the writers after a role.
  if (names.length > 0) return [...names, ...namesAfterRoles(list)].filter((n, i, all) => all.indexOf(n) === i);
  if (!EXPLICIT_LABEL.test(text)) return [];
  // "Author: jo bloggs - with help from …": a labelled name typed in lower case.
  const first =
    lead[1]
      .split(SEPARATOR)[0]
      ?.replace(/\s+on\s.*$/, "")
      .trim() ?? "";
  const name = titleCase(first);
  return /^[a-z][a-z'’-]+( [a-z][a-z'’-]+){1,2}$/.test(first) && isPersonName(name) ? [name] : [];
}

function namesAfterRoles(list: string): string[] {
  const pattern = new RegExp(String.raw`,?\s+and\s+(${NAME_RUN})(?=\s*(?:,|$))`, "gu");
  return [...list.matchAll(pattern)].flatMap((m) => (m[1] && isPersonName(m[1]) ? [m[1]] : []));
}

/**
 * A byline inside a line: "Profile picture for user jdoe By Jane Doe June 21, 2019", "Opinion
 * Article by Dr Jane Doe, paediatrician", "This week by senior correspondent Jane Doe.".
 */
export function namesInInlineByline(line: string): string[] {
  // A capital "By" (a page element) or a piece's label before it; a lower-case "by" in prose names
  // whoever did something, not the writer.
  const inline =
    /(?:\s|^)By\s+(.+)$|\b(?:[Aa]rticle|[Bb]log|[Pp]ost|[Pp]iece|[Cc]olumn|[Ff]eature|[Oo]pinion|[Ww]ords|[Rr]eport)\s+by\s+(.+)$/u.exec(
      line,
    );
  // "Video report by Outlet News's Jane Doe": the outlet's possessive before the writer is not the name.
  const rest = (inline?.[1] ?? inline?.[2])?.replace(OUTLET_POSSESSIVE, "");
  if (rest) {
    const names = leadingNames(rest.replace(DATE_TAIL, ""), true);
    if (names.length > 0) return names;
  }
  // "… fined by the Information Commissioner.": "by the …" is a sentence's agent, not a writer's role.
  const byRole = new RegExp(
    String.raw`\bby\s+(?:our\s+)?(?!(?:the|a|an)\s)(?:\p{Ll}+\s+){1,3}(${NAME_RUN})\.?$`,
    "u",
  ).exec(line);
  return byRole?.[1] && isPersonName(byRole[1]) ? [byRole[1]] : [];
}

/** "Outlet News's " (up to five capitalised words and a possessive) opening a byline's names. */
const OUTLET_POSSESSIVE = /^(?:[\p{Lu}][\p{L}&-]*\s+){0,4}[\p{Lu}][\p{L}&-]*['’]s?\s+(?=[\p{Lu}])/u;

/** A date closing a byline ("… June 21, 2019", "… 21 June 2019"). */
const DATE_TAIL =
  /\s+(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}.*$/i;

function titleCase(text: string): string {
  return text.replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * The people on a credit line without a "By" (under a headline): names, then at most a role or an
 * organisation. [] for anything else, so a sentence or a label is never taken for a credit.
 */
export function namesInCreditLine(line: string): string[] {
  const text = line.trim();
  const feedAuthor = /^\S+@\S+\.\w+\s*\(([^)]+)\)$|\s\S+@\S+\.\w+\s*\(([^)]+)\)$/.exec(text);
  if (feedAuthor) return leadingNames(feedAuthor[1] ?? feedAuthor[2] ?? "");
  // "A, B (Association of X), Dr C (Y) and D (Z).": writers each with their organisation in brackets.
  const affiliated = text.replace(/\s*\([^()]{2,60}\)/g, "").replace(/\.$/, "");
  const listed = affiliated !== text ? affiliated.split(/\s*,\s*|\s+(?:and|&)\s+/) : [];
  if (listed.length >= 2 && listed.every(isPersonName)) return listed;
  if (/[.!?:"“”]$/.test(text) || text.split(/\s+/).length > CREDIT_WORDS) return [];
  // A caption or a sentence runs on in lower-case words; a credit's tail is a role and an organisation.
  const plainWords = text.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !ROLE_WORD.test(w) && !CONNECTOR.test(w));
  if (plainWords.length > 3) return [];
  // "Breast Cancer Awareness Editorial Team": a team's credit names its owner, not a person.
  if (/\b(?:editorial\s+)?(?:team|desk|staff|newsroom)\b/i.test(text)) return [];
  const names = leadingNames(text, true);
  // A bare two-word name under a headline may as well be an image credit or a company: a credit
  // line names several people, or a person and their role.
  return names.length > 1 || (names.length === 1 && names[0] !== text) ? names : [];
}

/** Two to four capitalised words: the shape of a name, checked further by isPersonName. */
const NAME_RUN = String.raw`(?:[\p{Lu}][\p{L}'’-]+\s){1,3}[\p{Lu}][\p{L}'’-]+`;
const WRITER_VERBS =
  "reflects|explains|argues|considers|discusses|outlines|sets out|looks|shares|describes|writes|talks about";
/** "Jane Smith, director at X, reflects on …", "Jane Smith is a GP …", "Jane Smith writing at X: …". */
const OPENING = new RegExp(
  String.raw`(?:^|[.!?]\s+)([^,.]{3,60}),(?:[^.]|\.(?=\S)){3,160},\s+(?:${WRITER_VERBS})\b|^(.{3,60}?)\s+is\s+(?:a|an|the(?!\s+new\b))\s|^(${NAME_RUN})\s+(?:writing\s+(?:at|for|in|on)|(?:of|from|at)\s+[^,.]{2,60}?\s+(?:${WRITER_VERBS}|argues that))\b`,
  "u",
);
/** "…, Rachel Hutchings explores how …": an analysis piece's writer after a clause break. */
const EXPLORES = new RegExp(
  String.raw`(?:^|[,;]\s+)(${NAME_RUN}(?:\s+(?:and|&)\s+${NAME_RUN})?)\s+(?:explores?|examines?|reflects on|considers?|asks?|argues?|looks? at|outlines?|takes? a (?:closer )?look at)\b`,
  "u",
);
/**
 * "NHS Navigator Jane Smith reflects on a roundtable": a role, then the writer. Not "Consultant Dr
 * Jane Smith explains: “…”", where a colon opens the words of a quoted speaker.
 */
const REFLECTS = new RegExp(String.raw`(${NAME_RUN})\s+(?:explores|examines|reflects on|explains)\b(?!\s*:)`, "u");
/** "Outlet Deputy Editor, Jane Smith, spoke to …": the journalist who wrote the interview up. */
const JOURNALIST = new RegExp(
  String.raw`^(?:[\p{Lu}][\p{L}'’-]*\s+){0,4}(?:[Ee]ditor|[Rr]eporter|[Cc]orrespondent|[Jj]ournalist|[Ww]riter),?\s+(${NAME_RUN}),?\s+(?:spoke|speaks|talked|talks|met)\s+(?:to|with)\b`,
  "u",
);
/**
 * "Candace Imison admires the ambition of …", "GP lead Dr Jo Bloggs sets out …": a standfirst that
 * opens on a person doing a writer's thing in the present tense (news reports in the past or
 * perfect, and quotes people with "says").
 */
const OPENS_ON_WRITER = new RegExp(
  String.raw`^((?:\S+\s+){0,5}?${NAME_RUN})\s+(?:admires|argues|asks|blogs|considers|describes|discusses|examines|explains|explores|looks at|outlines|ponders|questions|reflects on|reviews|sets out|shares|suggests|offers)\b`,
  "u",
);

/**
 * "In this short film, Dr Jane Doe explains why …": whoever explains or reflects in a film, a video
 * or a podcast speaks in it; the page under it was written by someone else (or by no one named).
 */
const RECORDING =
  /\b(?:this|our|a|the)\s+(?:short\s+|new\s+|brief\s+)?(?:film|video|podcast|webinar|recording|animation|vlog|clip|episode)\b/i;
export function introducesRecording(line: string): boolean {
  return RECORDING.test(line);
}

/** The writer a standfirst opens on, or [] (see OPENS_ON_WRITER). */
export function writerOpeningStandfirst(line: string): string[] {
  if (introducesRecording(line)) return [];
  const found = OPENS_ON_WRITER.exec(line.trim());
  const name = found?.[1] ? trailingName(found[1]) : null;
  return name ? [name] : [];
}

/** A sentence of its own naming the reporter, closing the standfirst: "… in May. Jane Smith reports." ("… investigates."). */
const REPORTS = new RegExp(String.raw`(?:^|[.!?]\s+)(${NAME_RUN})\s+(?:reports|investigates)\.?$`, "u");
/**
 * "The two first CNIOs in primary care, Jane Doe and Sam Roe in Dorset, explain how …": the writers
 * set between commas, a place or an employer after them, then a writer's verb in the plural.
 */
const APPOSED_WRITERS = new RegExp(
  String.raw`,\s+(${NAME_RUN}\s+(?:and|&)\s+${NAME_RUN})(?:\s+(?:in|at|from|of)\s+[^,]{2,40})?,\s+(?:explain|share|set out|describe|reflect on|outline|discuss)\b`,
  "u",
);

/** "In this blog, A, the director of X, and B, the chief of Y, share lessons …": the writers introduced. */
const IN_THIS_PIECE =
  /(?:^|[.!?]\s+)in this (?:guest )?(?:blog|article|piece|post|essay|long read|explainer|briefing|column|feature)\b[^,]{0,40},\s+(.+?)\s+(?:share|shares|explain|explains|reflect|reflects|set out|sets out|discuss|discusses|look|looks|outline|outlines|describe|describes|consider|considers|argue|argues|explore|explores|assess|assesses)\b/i;

/**
 * The writers a standfirst or an author's note names: "…, writes Jane Smith, fellow at …", "…,
 * write A and B from …", "…, writes our editor Jane Smith", "…, say A and B", "Jane Smith,
 * programme director at X, reflects on …", "Jane Smith is a GP in Leeds …", "Jane Smith writing at
 * X: …", "In this blog, A, the …, and B, the …, share …", "…, Jane Smith explores why …".
 */
export function namesInStandfirst(line: string): string[] {
  if (introducesRecording(line)) return [];
  const writes = /\bwrites?\s+(.+)$/.exec(line);
  if (writes?.[1]) {
    const rest = writes[1].replace(/[.!]$/, "");
    const names = leadingNames(rest, true);
    if (names.length > 0) return names;
    // "writes Pulse editor Jane Smith", "writes our Head of Digital Jane Smith - “…”": the name closes the phrase.
    const name = trailingName(rest.split(/\s*(?:,|;|\s[-–—]\s|[“"(:])\s*/)[0] ?? "");
    if (name) return [name];
  }
  // "…, say Jane Smith and Jo Bloggs": names closing the line with no role after them (a quoted
  // source is given a role).
  const say = /,\s+says?\s+([^,]+?)\.?$/.exec(line);
  if (say?.[1]) {
    const names = leadingNames(say[1]);
    if (names.length > 0 && say[1].split(/\s*(?:&|\band\b)\s*/).length === names.length) return names;
  }
  // "… told a meeting in May. Jane Smith reports.": a news standfirst closing on its reporter.
  const reports = REPORTS.exec(line.trim());
  if (reports?.[1] && isPersonName(reports[1])) return [reports[1]];
  const apposed = APPOSED_WRITERS.exec(line)?.[1]?.split(/\s+(?:and|&)\s+/) ?? [];
  if (apposed.length > 0 && apposed.every(isPersonName)) return apposed;
  const introduced = IN_THIS_PIECE.exec(line);
  if (introduced?.[1]) return namesIntroduced(introduced[1]);
  const opening = OPENING.exec(line);
  const name = opening?.[1] ?? opening?.[2] ?? opening?.[3];
  if (name && isPersonName(name)) return [name];
  // A four-word run may be a role and a name run together ("ContactNHS Navigator Jane Smith").
  const explores = EXPLORES.exec(line);
  const explorers = explores?.[1] ? explores[1].split(/\s+(?:and|&)\s+/) : [];
  if (explorers.length > 0 && explorers.every((n) => isPersonName(n) && n.split(" ").length <= 3)) return explorers;
  const journalist = JOURNALIST.exec(line);
  if (journalist?.[1] && isPersonName(journalist[1])) return [journalist[1]];
  const reflects = REFLECTS.exec(line);
  const named = reflects?.[1] ? trailingName(reflects[1]) : null;
  return named ? [named] : [];
}

/** The name closing a phrase ("Pulse editor Jane Smith" → "Jane Smith"); three words after a particle or an initial. */
function trailingName(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  for (const take of [2, 3]) {
    if (words.length < take) break;
    const before = words[words.length - take - 1] ?? "";
    if (take === 2 && (PARTICLE.test(before) || /^\p{Lu}\.?$/u.test(before))) continue;
    const candidate = words.slice(-take).join(" ");
    // "GP lead Dr Jane Smith": the title is part of how the page names them.
    if (isPersonName(candidate)) return TITLE.test(before) ? `${before} ${candidate}` : candidate;
  }
  return null;
}

/** Names that open a clause and are followed by their role ("A, the director of X, and B, our chief …"). */
function namesIntroduced(text: string): string[] {
  const plain = text.replace(/\([^)]*\)/g, "");
  const pattern = new RegExp(
    String.raw`(?:^|,\s*|\band\s+)(${NAME_RUN})(?=\s*,\s*(?:the|a|an|our|who|their|his|her)\b|\s+and\s+\p{Lu}|\s*,?\s*$)`,
    "gu",
  );
  // "Professor Dawn Dowding and Dr Sarah Skyrme assess …": the writers, not their titles.
  return [...plain.matchAll(pattern)].flatMap((m) =>
    m[1] && isPersonName(m[1]) ? [m[1].replace(/^(?:(?:Dr|Prof|Professor)\.?\s+)+/, "")] : [],
  );
}

/**
 * The person names a list opens with, stopping at the first piece that is not one. With
 * `roleTail`, a piece may be a name followed by a role ("Mark Say Managing Editor").
 */
function leadingNames(list: string, roleTail = false): string[] {
  const names: string[] = [];
  for (const piece of list.split(SEPARATOR)) {
    const words = piece.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
    if (words.length === 0) continue;
    if (isPersonName(words.join(" "))) {
      names.push(words.join(" "));
      continue;
    }
    if (roleTail) {
      const cut = words.findIndex((w) => ROLE_WORD.test(w) || !NAME_WORD.test(w));
      // "Charing Cross Hospital": capitalised words running into an organisation's word name the place.
      // "Will Smart Technology Transform the NHS": a title-case line, its tail no role ("Managing Editor").
      const head =
        cut > 0 && !ORGANISATION_WORD.test(words[cut] ?? "") && isRoleTail(words.slice(cut))
          ? words.slice(0, cut).join(" ")
          : "";
      if (head && isPersonName(head)) names.push(head);
    }
    break;
  }
  return names;
}

/**
 * "Managing Editor", "Head of Digital at X": role words up to the organisation they hold it at, one
 * of them a job's. "Eleventh Special Report of Session 2022–23" closes on a document's part, no role.
 */
function isRoleTail(words: readonly string[]): boolean {
  const upTo = words.findIndex((w) => /^(?:at|of|for|in)$/i.test(w));
  const tail = words.slice(0, upTo === -1 ? words.length : upTo);
  return (
    tail.every((w) => ROLE_WORD.test(w) || !NAME_WORD.test(w)) &&
    tail.some((w) => ROLE_WORD.test(w) && !NO_JOB_WORD.test(w))
  );
}
/** Words of ROLE_WORD that stop a name but name no job: a document's parts, dates' labels, determiners. */
const NO_JOB_WORD =
  /^(?:the|of|at|for|in|on|is|by|written|published|posted|updated|report|session|chapter|part|section|volume|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|profile|picture|user|their|our|your|its|his|her|this|that|these|those|how|why|what|when|where|who|new|latest|top|more|most|than|half|all|some|many|few)$/i;

/** "Jane Smith", "Dr Na'eem Ahmed", "Ludwig van Beethoven": two to four capitalised words, no role words. */
export function isPersonName(text: string): boolean {
  const words = text.split(" ");
  const core = words.filter((w) => !TITLE.test(w));
  if (core.length < 2 || core.length > 4) return false;
  if (core.every((w) => PARTICLE.test(w))) return false;
  // A word ending a sentence ("Centre.") is no name; an initial or "St." may end in a stop.
  return core.every(
    (w) =>
      PARTICLE.test(w) ||
      (NAME_WORD.test(w) &&
        !ROLE_WORD.test(w) &&
        !/^[\p{Lu}]{2,}$/u.test(w) &&
        !/\p{L}{3,}\.$/u.test(w) &&
        !runTogether(w)),
  );
}

/** "ITHealthcare", "IndustryIT": tags run together by a copy, not a name ("McNeil", "DeSouza" are). */
function runTogether(word: string): boolean {
  return (
    /\p{Lu}{2}\p{Ll}/u.test(word) || (/\p{Ll}\p{Lu}/u.test(word) && !/^(Mc|Mac|De|Di|Da|Du|La|Le)\p{Lu}/u.test(word))
  );
}

/** "Deputy Chief Executive", "Chief Executive and Chief Workforce Officer": a role on a line of its own. */
export function isRoleLine(line: string): boolean {
  const words = line.trim().split(/\s+/);
  const content = words.filter((w) => !CONNECTOR.test(w));
  // Most of its words are roles: a title-case headline ("Hospitals to Implement Voice Technology") is not.
  return (
    words.length <= 8 &&
    content.filter((w) => ROLE_WORD.test(w)).length * 5 >= content.length * 3 &&
    words.every((w) => CONNECTOR.test(w) || (/^[\p{Lu}]/u.test(w) && !/[.!?:]$/.test(w)))
  );
}

let peopleNames: Set<string> | null = null;

/**
 * Given names and surnames from many cultures (@cspell/dict-people-names, MIT, ~39,000 entries),
 * read on first use. Without the list every name scores on its shape and cue alone.
 */
function knownPersonNames(): Set<string> {
  if (peopleNames) return peopleNames;
  try {
    const require = createRequire(import.meta.url);
    const ext = require.resolve("@cspell/dict-people-names/cspell-ext.json");
    const text = readFileSync(join(dirname(ext), "dict", "people-names.txt"), "utf8");
    peopleNames = new Set(
      text
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#")),
    );
  } catch {
    peopleNames = new Set();
  }
  return peopleNames;
}

/**
 * A proper name the list knows, as the list writes it ("london" → "London"): many surnames are
 * places too, so a site's address that runs a place into words ("londonnewsnetwork") reads with it.
 */
export function properName(word: string): string | null {
  const listed = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  return knownPersonNames().has(listed) ? listed : null;
}

/** 0 to 2: the first and the last word of a name-shaped phrase are people's names the list knows. */
export function nameLikeness(name: string): number {
  if (!isPersonName(name)) return 0;
  const words = name.split(" ").filter((w) => !TITLE.test(w));
  const list = knownPersonNames();
  const known = (w: string | undefined) => (w && list.has(w.replace(/[’']s$/, "")) ? 1 : 0);
  return known(words[0]) + known(words[words.length - 1]);
}
