/**
 * Query expansion for how people ask: "cash" finds "funding", "boss" finds "chief executive".
 * Groups are of words an NHS reader uses interchangeably; each word is stemmed with the index's
 * stemmer, so "funded", "funds" and "funding" all join the money group.
 */

import { termFor } from "./text-terms.js";

const GROUPS: string[][] = [
  [
    "money",
    "cash",
    "fund",
    "funds",
    "funding",
    "funded",
    "investment",
    "invest",
    "investing",
    "finance",
    "financing",
    "budget",
    "spend",
    "spending",
    "grant",
    "grants",
    "ringfenced",
    "allocation",
    "pot",
  ],
  ["boss", "head", "chief", "executive", "ceo", "leader", "leaders", "director", "lead", "chair", "tsar", "czar"],
  ["staff", "workforce", "employees", "workers", "personnel", "clinicians", "colleagues", "people"],
  ["hospital", "hospitals", "trust", "trusts", "provider", "providers"],
  ["government", "ministers", "minister", "whitehall", "department", "dhsc", "state"],
  ["scan", "scans", "imaging", "x-ray", "xray", "x-rays", "xrays", "ct", "radiology"],
  ["depend", "depends", "hinge", "hinges", "rely", "relies", "rest", "rests", "require", "requires"],
  ["help", "helps", "support", "supports", "assist", "aid", "enable", "improve", "ease", "benefit"],
  ["priority", "priorities", "prioritise", "prioritising", "prioritised", "focus"],
  [
    "rollout",
    "roll",
    "deploy",
    "deployment",
    "deploying",
    "implement",
    "implementation",
    "introduce",
    "adopt",
    "adoption",
    "launch",
    "spread",
    "scale",
    "scaling",
  ],
  ["plan", "plans", "strategy", "strategies", "roadmap", "vision", "agenda", "blueprint"],
  ["sign", "signed", "signing", "agree", "agreed", "agreement"],
  ["charter", "agreement", "partnership", "collaboration", "deal", "pact"],
  ["wait", "waiting", "backlog", "backlogs", "queue", "queues", "delays"],
  [
    "admin",
    "administrative",
    "administration",
    "paperwork",
    "operational",
    "non-clinical",
    "back-office",
    "clerical",
    "management",
  ],
  ["cyber", "security", "attack", "attacks", "threat", "threats", "hack", "hacking", "risk", "risks", "safety"],
  ["doctor", "doctors", "clinician", "clinicians", "gp", "gps", "physician", "medic"],
  ["patient", "patients", "public", "citizens", "people", "users"],
  ["region", "regions", "area", "areas", "country", "nationwide", "place", "places"],
  ["infrastructure", "systems", "it", "kit", "computers", "equipment", "technology"],
  ["ai", "artificial", "intelligence", "machine", "algorithm", "algorithms"],
  ["summit", "conference", "meeting", "event", "roundtable"],
  ["skill", "skills", "training", "capabilities", "capability", "expertise"],
  ["rule", "rules", "regulation", "regulatory", "regulator", "law", "legal"],
  ["record", "records", "ehr", "ehrs", "notes"],
  [
    "tool",
    "tools",
    "solution",
    "solutions",
    "product",
    "products",
    "technology",
    "technologies",
    "platform",
    "platforms",
    "system",
  ],
  [
    "speed",
    "quicken",
    "quickening",
    "accelerate",
    "accelerator",
    "faster",
    "expedite",
    "expediting",
    "quick",
    "quicker",
    "quickly",
    "rapid",
    "rapidly",
    "speedily",
  ],
  [
    "hamper",
    "hampered",
    "constrain",
    "constraint",
    "constraints",
    "hinder",
    "hindered",
    "barrier",
    "barriers",
    "obstacle",
    "obstacles",
    "delay",
    "delays",
  ],
  ["dominate", "dominates", "hog", "hogs", "monopolise"],
  ["cutting-edge", "cuttingedg", "flashy", "advanced", "innovative", "novel", "pioneering"],
  ["announce", "announced", "announcement", "unveil", "unveiled", "reveal", "revealed"],
  ["concern", "concerns", "concerned", "worry", "worries", "worried", "fear", "fears", "warn", "warned", "warning"],
  ["job", "role", "title", "position", "post"],
  ["work", "working", "job", "role"],
  ["write", "wrote", "written", "author", "authors", "by"],
  ["organisation", "organisations", "body", "bodies", "agency", "agencies", "company", "companies", "firm"],
  ["data", "dataset", "datasets", "information", "records"],
  ["major", "main", "leading", "biggest"],
  ["revisit", "revisited", "followup", "revise", "revised", "update", "updated", "refresh"],
  ["diagnosis", "diagnose", "diagnosed", "diagnosing", "diagnostic", "diagnostics", "detect", "detection", "spot"],
  ["american", "us", "usa", "america", "states"],
  ["british", "uk", "britain"],
  ["english", "england"],
  ["stage", "stages", "phase", "phases", "step", "steps"],
  ["live", "rollout", "roll", "launch", "deploy"],
  ["shocked", "shocking", "surprised", "surprising", "astonished"],
  ["retention", "retain", "keep", "stay"],
  ["old", "older", "previous", "earlier", "past"],
  ["represent", "represents", "voice", "speak"],
  ["boss", "chief", "executive", "head", "director", "leader", "runs", "run", "charge", "chair"],
  ["million", "m"],
  ["billion", "bn"],
];

const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  twenty: "20",
  thirty: "30",
  forty: "40",
  fifty: "50",
  sixty: "60",
  seventy: "70",
  eighty: "80",
  ninety: "90",
  hundred: "100",
};

const related = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const terms = group.map((w) => termFor(w));
  for (const t of terms) {
    const set = related.get(t) ?? new Set<string>();
    for (const other of terms) if (other !== t) set.add(other);
    related.set(t, set);
  }
}
for (const [word, digits] of Object.entries(NUMBER_WORDS)) {
  const t = termFor(word);
  related.set(t, new Set([...(related.get(t) ?? []), digits]));
  related.set(digits, new Set([...(related.get(digits) ?? []), t]));
}

/** Terms that mean much the same as `term` (not including it). */
export function relatedTerms(term: string): ReadonlySet<string> {
  return related.get(term) ?? EMPTY;
}

const lists = new Map<string, readonly string[]>([...related].map(([term, set]) => [term, [...set]]));

/** The same as an array, for hot loops (no iterator per call). */
export function relatedList(term: string): readonly string[] {
  return lists.get(term) ?? NONE;
}

const NONE: readonly string[] = [];

const EMPTY: ReadonlySet<string> = new Set();
