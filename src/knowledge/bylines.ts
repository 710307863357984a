/**
 * Bylines as captures show them: "By Jane Smith", "Written by : Jane Smith", "By Dr Jo Bloggs,
 * Director of Digital at …", "Authors: A, B and C". The names become the document's authors and
 * the line leaves the body; the role after a name ("Director …") is not a name.
 */

const BYLINE_LEAD = /^(?:by|written by|words by|posted by|reported by|authors?|writers?)\s*[:\-–]?\s+(.+)$/i;
/** Words that make a phrase a role or an organisation rather than a person's name. */
const ROLE_WORD =
  /^(chief|head|director|officer|manager|editor|reporter|correspondent|founder|co-founder|cofounder|lead|consultant|analyst|fellow|researcher|secretary|minister|executive|president|ceo|cto|cio|cmo|cno|partner|senior|associate|assistant|deputy|journalist|writer|contributor|staff|team|desk|news|nhs|trust|university|foundation|institute|group|limited|ltd|the|of|at|for|in|health|digital|medical|clinical|policy|programme|national|global|content|marketing)$/i;
const TITLE = /^(dr|prof|professor|sir|dame|mr|mrs|ms|miss|lord|lady|baroness)\.?$/i;
const PARTICLE = /^(de|van|von|der|den|da|di|du|la|le|bin|al|el|st\.?)$/i;
const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u;

/** The people named by a byline line, or [] when the line is not a byline. */
export function namesInByline(line: string): string[] {
  const lead = BYLINE_LEAD.exec(line.trim());
  if (!lead?.[1] || lead[1].length > 160) return [];
  const names: string[] = [];
  // A role or a date after the names ends the list: "By Jo Bloggs, Director…", "By Jo Bloggs | 2 June 2025".
  for (const piece of lead[1].split(/\s*(?:,|;|&|\band\b|\||\s[-–—]\s)\s*/)) {
    const name = piece.replace(/\s+/g, " ").trim();
    if (!name) continue;
    if (!isPersonName(name)) break;
    names.push(name);
  }
  return names;
}

/** "Jane Smith", "Dr Na'eem Ahmed", "Ludwig van Beethoven": two to five words, capitalised, no role words. */
export function isPersonName(text: string): boolean {
  const words = text.split(" ");
  const core = words.filter((w) => !TITLE.test(w));
  if (core.length < 2 || core.length > 4) return false;
  return core.every((w) => PARTICLE.test(w) || (NAME_WORD.test(w) && !ROLE_WORD.test(w)));
}
