/**
 * nhsai is a news bot for NHS digital teams, not a clinical tool: it does not support direct care
 * (so DCB0129/DCB0160 do not apply), and it must never look as if it does. A personal health
 * question is refused with a pointer to proper clinical sources, however it is phrased: about
 * oneself or someone close ("my scan", "my mum's tablets"), asking what to do ("should I", "can I",
 * "is it safe"), describing symptoms, asking what a test or result means, or about medicines and
 * doses. A news question that mentions prescriptions, scans or medicines ("how many people order
 * repeat prescriptions in the NHS App?") is not personal and is answered.
 */

/** Words about a body, an illness or its care: what makes a personal question a clinical one. */
const HEALTH =
  /\b(symptoms?|pain(ful)?|aches?|aching|sore|rash(es)?|fever|temperature|cough(ing)?|lump|bleed(ing)?|blood|dizz(y|iness)|faint(ed|ing)?|nause(a|ous)|vomit(ing)?|sick|diarrh(o)?ea|headaches?|migraines?|swollen|swelling|infection|infected|allerg(y|ies|ic)|breath(ing|less)?|chest|heart|pregnan(t|cy)|period|cancer|tumou?r|diabet(es|ic)|asthma|depress(ed|ion)|anxi(ety|ous)|condition|illness|ill|disease|injur(y|ed)|wound|fracture|broken|scans?|x-?rays?|mri|ct|ultrasound|biops(y|ies)|tests?|results?|readings?|levels?|cholesterol|pressure|diagnos(is|ed|e)|treat(ment|ed|ing)?|cure|therapy|surgery|operation|medicines?|medication|meds|drugs?|tablets?|pills?|doses?|dosage|prescri(ption|bed|be)|antibiotics?|paracetamol|ibuprofen|aspirin|statins?|insulin|inhaler|vaccin(e|ation)|jab|side[- ]effects?|overdose|mg|doctor|gp|nurse|a&e|hospital|appointment|referral|waiting list|mole|skin|eyes?|ears?|stomach|bowel|kidney|liver|lungs?|back|knee|hip|throat|adhd|autism|dementia|ibs|diet|detox|alcohol|drinks?|drinking|confused|confusion|sleep(y|ier|ing|less)?|tired|exhausted|shak(e|es|ing|y)|potassium|sodium|iron|vitamins?|mmr|reacted|reaction|rash|benign|malignant|weight|bmi|pregnancy|contracepti\w+|mental health|suicidal|self[- ]harm\w*|wee|poo|urine|stool|swallow(ed|ing)?|moles?|melanoma|stitches|kidneys|hba1c|egfr|psa|inr|tsh|ferritin|creatinine|ha?emoglobin|blood sugar|glucose)\b/i;

/** Asking about oneself or someone close. */
const PERSONAL =
  /^(?:had|got|getting|having|been|feeling|feel|woke up)\s+(?!(?:any|anything|news|more|the latest|a look|an update)\b)|\b(i|i'm|i’m|im|i've|i’ve|i'd|me|my|mine|myself)\b|\b(my|our) (mum|mother|dad|father|child|children|kids?|son|daughter|baby|wife|husband|partner|friend|gran(dmother|dad|ny)?|grandfather|brother|sister|family)\b/i;

/** Words of the health service rather than of a body: booking, ordering, being referred. */
const SERVICE_WORDS =
  /\b(gp|doctor|nurse|hospital|appointments?|referrals?|prescriptions?|prescribed|waiting list|records?|results?|tests?)\b/gi;

/** Someone close to the asker: a question about their state is a clinical one. */
const FAMILY =
  /\b(?:my|our)\s+(?:\d+[- ]year[- ]old\s+|[a-z]+\s+)?(?:mum|mother|dad|father|child|children|kids?|son|daughter|baby|toddler|wife|husband|partner|friend|gran(?:dmother|dad|ny)?|grandfather|grandma|grandpa|brother|sister|family|nan)\b|\b(?:mum|dad|gran|nan|son|daughter|partner|wife|husband)['’]s\b/i;

/** Asking what to do about one's own (or a relative's) health. */
const SELF_ADVICE =
  /\b(?:should|can|could|must|do|shall) (?:i|my \w+)\b|\b(?:am i|will i|do i need|how do i know|what do i do|what should i|how do we|what does (?:that|this|it) mean for (?:me|her|him|them))\b|\bis it (?:safe|ok|okay|normal|dangerous|bad|serious) (?:for me|for my|to)\b/i;

/** Asking what to do about one's own health. */
const ADVICE =
  /\b(should|can|could|must|do|shall) (i|we|you|he|she|they|my \w+)\b|\bis it (safe|ok|okay|normal|dangerous|bad|serious)\b|\b(am i|will i|do i need|how do i know|what do i do|what should i)\b|\bhow (much|many|often) (should|can|do) (i|you|we|he|she|they)\b/i;

/** Describing a symptom or asking about one, about anyone. */
const SYMPTOMS =
  /\b(i (have|'ve got|’ve got|got|keep getting|feel|felt|am feeling|think i have|woke up with|noticed)|(has|have|having|had) (a |an )?(pain|rash|fever|lump|cough|headache|bleeding|chest pain|temperature|sore))\b/i;

/** What a test, scan or result says: reading one's own results is clinical. */
const READING_RESULTS =
  /\b(what (does|do|did) (my|this|these|a|the|her|his) [\w -]{0,30}(results?|scan|x-?ray|mri|test|reading|level|levels|report|letter) (mean|show|say|indicate)|(is|are) (my|this|a|her|his) [\w -]{0,25}(results?|levels?|reading|blood pressure|heart rate|cholesterol) (normal|high|low|ok|okay|bad|good|worrying))\b/i;

/** Medicines and doses: clinical in any question that is not about the NHS as an organisation. */
const MEDICINE =
  /\b(dose|doses|dosage|dosing|mg|milligrams?|overdose|side[- ]effects?|contraindicat\w*|interact(ion|s)? with|paracetamol|ibuprofen|aspirin|antibiotics?|statins?|insulin|painkillers?|antidepressants?|how (much|many) (tablets|pills|paracetamol|ibuprofen)|cure for|treatment for|remed(y|ies) for|symptoms? of)\b/i;

/** Words that show a question is about the NHS, its technology or its news, not about a patient. */
const NEWS_CONTEXT =
  /\b(ai|artificial intelligence|fund\w*|invest\w*|trusts?|government|minister|nhs england|nhsx|strategy|tools?|technology|tech|digital|data|platform|charter|policy|article|report\w*|announce\w*|rolled out|roll-out|rollout|app|online|system|software|supplier|contract|pilot|programme|scheme|service|how many (people|patients|users)|million|percentage|per cent|%)\b/i;

/** True when the question asks for clinical advice rather than news. */
export function isClinicalQuestion(question: string): boolean {
  const q = question.replace(/\s+/g, " ");
  if (READING_RESULTS.test(q) || SYMPTOMS.test(q)) return true;
  const health = HEALTH.test(q);
  // "Is a heart rate of 110 normal?": a reading judged.
  if (
    health &&
    /^(is|are) (a|an|my|this|his|her|their) .{0,40}\b(normal|too high|too low|high|low|dangerous|worrying)\b/i.test(q)
  )
    return true;
  const news = NEWS_CONTEXT.test(q);
  // "Can I skip seeing the GP?", "should my son have…": advice for oneself or a relative, whatever
  // else the question mentions (an AI app's verdict on a mole is still a question about the mole).
  // Using a service ("can I book a GP appointment in the NHS App?") is not clinical advice.
  const serviceOnly = news && !HEALTH.test(q.replace(SERVICE_WORDS, " "));
  if (SELF_ADVICE.test(q) && (health || FAMILY.test(q)) && !serviceOnly) return true;
  // "Mum's blood test came back high", "my gran is confused": someone close, and their health.
  if (FAMILY.test(q) && health) return true;
  // "Should I take…", "is it safe to…" with a word about health.
  if (ADVICE.test(q) && health && !(news && !MEDICINE.test(q) && !PERSONAL_BODY.test(q))) return true;
  // "My scan…", "my mum's tablets…": one's own health, unless the question is about a service's news.
  if (PERSONAL.test(q) && health && (!news || PERSONAL_BODY.test(q) || MEDICINE.test(q))) return true;
  return MEDICINE.test(q) && !news;
}

/** One's own body, results or medicines: clinical even in a sentence that names an app or a service. */
const OWN_BODY =
  "symptoms?|pain|rash|lump|blood|results?|scan|x-?ray|mri|biopsy|test|dose|dosage|tablets?|pills?|medication|medicines?|condition|diagnosis|cancer|heart|chest|pregnan\\w*|moles?|skin|wound|stitches|eyes?|kidneys?|liver|lungs?|melanoma|hba1c|egfr|psa|inr|blood sugar|glucose|cholesterol";
// "my … scan", or a message that starts as people describe themselves ("got a mole that's changed…").
const PERSONAL_BODY = new RegExp(
  `\\b(my|me|i)\\b.{0,40}\\b(${OWN_BODY})\\b|^(had|got|having|been|feeling)\\s+(?:(?:a|an|my|some|this|these)\\s+)?(?:[\\w-]+\\s+)?(${OWN_BODY})\\b`,
  "i",
);

export const CLINICAL_REFUSAL =
  "I can't help with clinical questions: I'm a news and briefing bot for NHS digital teams, not a source of medical advice. " +
  "For health advice, use NHS 111 (online or by phone), the NHS website (nhs.uk/conditions), or speak to a GP or pharmacist; " +
  "clinicians should use their local guidelines, NICE or the BNF. I can brief you on AI and digital news: try `help` or a topic like `funding`.";
