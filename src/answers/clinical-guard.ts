/**
 * nhsai is a news bot for NHS digital teams, not a clinical tool: it does not support direct care
 * (so DCB0129/DCB0160 do not apply), and it must never look as if it does. Questions asking for
 * doses, treatment, symptoms or a diagnosis are refused with a pointer to proper clinical sources.
 */

/** Asking for care advice for oneself or someone else. */
const PERSONAL_CARE = [
  /\b(should|can|could|do|must|would) (i|we|you|they|he|she|my \w+) (take|treat|cure|manage|relieve|stop|start taking|get rid of|give)\b/i,
  /\bhow (do|should|can|would|could) (i|we|you|one|they) (treat|cure|manage|relieve|get rid of|prevent)\b/i,
  /\b(do|does|could|might) (i|he|she|they|my \w+) have\b/i,
  /\b(diagnose|treat) (me|my|him|her|them)\b/i,
  /\bi (have|am having|feel|felt|keep getting|think i have)\b/i,
  /\bmy (symptoms?|child|baby|son|daughter|mum|mother|dad|father|wife|husband|partner|doctor|gp|rash|pain|headache)\b/i,
];

/** Clinical vocabulary that has no place in a news question. */
const CLINICAL_TERMS =
  /\b(dose|doses|dosage|dosing|mg|milligrams?|overdose|prescri\w*|side[- ]effects?|contraindicat\w*|symptoms?|remed(y|ies)|cure for|treatment for|treat(ing)? (a|an) |painkillers?|antibiotics?|paracetamol|ibuprofen|insulin|medication|medicines? (for|to))\b/i;

/** Words that show the question is about the NHS as an organisation, not about a patient. */
const NEWS_CONTEXT =
  /\b(ai|artificial intelligence|fund\w*|invest\w*|trusts?|government|minister|nhs england|nhsx|strategy|tools?|technology|tech|digital|data|platform|charter|policy|article|report\w*|announce\w*|rolled out|roll-out)\b/i;

/** True when the question asks for clinical advice rather than news. */
export function isClinicalQuestion(question: string): boolean {
  if (PERSONAL_CARE.some((p) => p.test(question))) return true;
  return CLINICAL_TERMS.test(question) && !NEWS_CONTEXT.test(question);
}

export const CLINICAL_REFUSAL =
  "I can't help with clinical questions: I'm a news and briefing bot for NHS digital teams, not a source of medical advice. " +
  "For health advice, use NHS 111 (online or by phone), the NHS website (nhs.uk/conditions), or speak to a GP or pharmacist; " +
  "clinicians should use their local guidelines, NICE or the BNF. I can brief you on AI and digital news: try `help` or a topic like `funding`.";
