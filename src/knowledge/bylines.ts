/**
 * Bylines as captures show them: "By Jane Smith", "Written by : Jane Smith", "By Dr Jo Bloggs,
 * Director of Digital at …", "Authors: A, B and C", a credit line under the headline ("Mark Say
 * Managing Editor", "A, B, C, Ethical Healthcare Consulting"), a feed's "jo@site.com (Jo Bloggs)"
 * and a standfirst's "…, writes Jane Smith". The names become the document's authors and a byline
 * line leaves the body; the role or organisation after a name is not a name.
 */

const BYLINE_LEAD = /^(?:by|written by|words by|posted by|reported by|authors?|writers?)\s*[:\-–]?\s+(.+)$/i;
/** Words that make a phrase a role or an organisation rather than a person's name. */
const ROLE_WORD =
  /^(chief|head|director|officer|manager|managing|editor|editorial|reporter|correspondent|founder|co-founder|cofounder|lead|consultant|consulting|analyst|fellow|researcher|secretary|minister|executive|president|ceo|cto|cio|cmo|cno|partner|senior|associate|assistant|deputy|journalist|writer|contributor|contributing|staff|team|desk|news|nhs|trust|university|foundation|institute|group|limited|ltd|the|of|at|for|in|health|healthcare|digital|medical|clinical|policy|programme|national|global|content|marketing|ethical|technology|tech|data|ai|care|services|media|press|england|uk|published|posted|updated|blog|on|is|centre|center|agency|council|office|unit|service|society|association|department|ministry|commission|authority|board|partnership|network|college|hospital|clinic|company|inc|plc|llp)$/i;
const TITLE = /^(dr|prof|professor|sir|dame|mr|mrs|ms|miss|lord|lady|baroness)\.?$/i;
const PARTICLE = /^(de|van|von|der|den|da|di|du|la|le|bin|al|el)$/i;
const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u;
const SEPARATOR = /\s*(?:,|;|&|\band\b|\||\s[-–—]\s)\s*/;
/** A credit line is short and is not a sentence. */
const CREDIT_WORDS = 18;

/** The people named by a byline line ("By …", "Authors: …"), or [] when the line is not one. */
export function namesInByline(line: string): string[] {
  const lead = BYLINE_LEAD.exec(line.trim());
  if (!lead?.[1] || lead[1].length > 160) return [];
  return leadingNames(lead[1]);
}

/**
 * The people on a credit line without a "By" (under a headline): names, then at most a role or an
 * organisation. [] for anything else, so a sentence or a label is never taken for a credit.
 */
export function namesInCreditLine(line: string): string[] {
  const text = line.trim();
  const feedAuthor = /^\S+@\S+\.\w+\s*\(([^)]+)\)$|\s\S+@\S+\.\w+\s*\(([^)]+)\)$/.exec(text);
  if (feedAuthor) return leadingNames(feedAuthor[1] ?? feedAuthor[2] ?? "");
  if (/[.!?:"“”]$/.test(text) || text.split(/\s+/).length > CREDIT_WORDS) return [];
  const names = leadingNames(text, true);
  // A bare two-word name under a headline may as well be an image credit or a company: a credit
  // line names several people, or a person and their role.
  return names.length > 1 || (names.length === 1 && names[0] !== text) ? names : [];
}

/**
 * The writers a standfirst or an author's note names: "…, writes Jane Smith, fellow at …", "…,
 * write A and B from …", "Jane Smith, programme director at X, reflects on …", "Jane Smith is a GP
 * in Leeds …", "…, Jane Smith explores why …".
 */
export function namesInStandfirst(line: string): string[] {
  const writes = /\bwrites?\s+(.+)$/.exec(line);
  if (writes?.[1]) return leadingNames(writes[1].replace(/[.!]$/, ""), true);
  const opening =
    /^([^,]{3,60}),[^.]{3,160},\s+(?:reflects|explains|argues|considers|discusses|outlines|sets out|looks|shares|describes)\b|^(.{3,60}?)\s+is\s+(?:a|an)\s/.exec(
      line,
    );
  const name = opening?.[1] ?? opening?.[2];
  if (name && isPersonName(name)) return [name];
  // "…, Rachel Hutchings explores how many people…": an analysis piece's writer.
  const explores = EXPLORES.exec(line);
  return explores?.[1] && isPersonName(explores[1]) ? [explores[1]] : [];
}

const EXPLORES =
  /(?:^|[,;]\s+)((?:[\p{Lu}][\p{L}'’-]+\s){1,3}[\p{Lu}][\p{L}'’-]+)\s+(?:explores|examines|reflects on|considers|asks|argues)\b/u;

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
      const head = cut > 0 ? words.slice(0, cut).join(" ") : "";
      if (head && isPersonName(head)) names.push(head);
    }
    break;
  }
  return names;
}

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
      (NAME_WORD.test(w) && !ROLE_WORD.test(w) && !/^[\p{Lu}]{2,}$/u.test(w) && !/\p{L}{3,}\.$/u.test(w)),
  );
}
