/**
 * The NHS taxonomy every passage and document is tagged with. Each topic lists the words that
 * signal it in news copy and the words people use when they ask for it ("cyber" → safety &
 * security). Tagging is by stemmed keyword, so ingested articles are tagged the same way.
 */

import { termFor, tokenize } from "./text-terms.js";

export const TOPIC_IDS = [
  "funding",
  "workforce",
  "infrastructure",
  "strategy",
  "safety",
  "diagnostics",
  "operations",
  "engagement",
  "regulation",
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

export interface Topic {
  id: TopicId;
  label: string;
  /** Words that mark a passage as being about the topic. */
  signals: string[];
  /** Other names people use for the topic in commands. */
  aliases: string[];
}

export const TOPICS: readonly Topic[] = [
  {
    id: "funding",
    label: "Funding",
    signals: [
      "funding",
      "fund",
      "investment",
      "invest",
      "money",
      "budget",
      "£",
      "million",
      "billion",
      "financial",
      "finance",
      "cost",
      "ringfenced",
      "spending",
    ],
    aliases: ["money", "investment", "finance", "budget", "cash", "funds"],
  },
  {
    id: "workforce",
    label: "Workforce",
    signals: [
      "workforce",
      "staff",
      "skills",
      "training",
      "recruit",
      "retention",
      "rostering",
      "shifts",
      "talent",
      "roles",
      "clinicians",
      "workers",
      "morale",
    ],
    aliases: ["staff", "people", "skills", "training", "jobs"],
  },
  {
    id: "infrastructure",
    label: "Infrastructure",
    signals: ["infrastructure", "IT", "computers", "kit", "EHR", "EHRs", "records", "systems", "platform", "data"],
    aliases: ["it", "digital infrastructure", "tech", "systems", "records", "ehr"],
  },
  {
    id: "strategy",
    label: "Strategy & policy",
    signals: [
      "strategy",
      "policy",
      "plan",
      "government",
      "manifestos",
      "roadmap",
      "national",
      "minister",
      "tsar",
      "priorities",
      "vision",
      "charter",
    ],
    aliases: ["policy", "strategy & policy", "plans", "government", "politics"],
  },
  {
    id: "safety",
    label: "Safety & security",
    signals: [
      "safety",
      "safe",
      "safely",
      "security",
      "cyber",
      "attack",
      "threat",
      "threats",
      "risk",
      "risks",
      "catastrophe",
    ],
    aliases: ["security", "cyber", "safety & security", "cybersecurity", "risk"],
  },
  {
    id: "diagnostics",
    label: "Diagnostics & clinical AI",
    signals: [
      "diagnosis",
      "diagnostics",
      "diagnose",
      "x-rays",
      "CT",
      "scans",
      "imaging",
      "cancer",
      "stroke",
      "triage",
      "clinical",
      "precision",
      "diseases",
      "radiotherapy",
    ],
    aliases: ["diagnostics & clinical ai", "clinical ai", "diagnosis", "imaging", "clinical", "scans"],
  },
  {
    id: "operations",
    label: "Operations & admin",
    signals: [
      "admin",
      "administrative",
      "operational",
      "efficiency",
      "productivity",
      "scheduling",
      "waiting",
      "backlog",
      "management",
      "note taking",
      "bed capacity",
      "patient flow",
      "non-clinical",
    ],
    aliases: ["admin", "operations & admin", "efficiency", "productivity", "waiting lists", "ops"],
  },
  {
    id: "engagement",
    label: "Public & patient engagement",
    signals: [
      "public",
      "patients",
      "engagement",
      "engage",
      "confidence",
      "trusted",
      "citizens",
      "experience",
      "families",
    ],
    aliases: ["public", "patients", "patient engagement", "public & patient engagement", "engagement"],
  },
  {
    id: "regulation",
    label: "Regulation & ethics",
    signals: [
      "regulation",
      "regulatory",
      "ethical",
      "ethics",
      "legal",
      "responsibility",
      "responsible",
      "medical devices",
      "law",
    ],
    aliases: ["ethics", "regulation & ethics", "rules", "law", "compliance"],
  },
];

const signalTerms = new Map<TopicId, Set<string>>(
  TOPICS.map((t) => [t.id, new Set(t.signals.flatMap((s) => (s === "£" ? ["£"] : tokenize(s).map((x) => x.term))))]),
);

/** Topics a passage is about: any of its terms (or a £ sign) signals the topic. */
export function tagTopics(text: string): TopicId[] {
  const terms = new Set(tokenize(text).map((t) => t.term));
  if (text.includes("£")) terms.add("£");
  return TOPICS.filter((t) => [...(signalTerms.get(t.id) ?? [])].some((s) => terms.has(s))).map((t) => t.id);
}

/** A document's topics: those signalled by at least `min` of its passages, or by its title. */
export function documentTopics(title: string, passageTopics: TopicId[][], min = 2): TopicId[] {
  const counts = new Map<TopicId, number>();
  for (const tags of passageTopics) for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  const fromTitle = new Set(tagTopics(title));
  return TOPIC_IDS.filter((id) => fromTitle.has(id) || (counts.get(id) ?? 0) >= min);
}

/** Finds a topic by its id, label or any alias (case and spacing ignored). */
export function findTopic(name: string): Topic | undefined {
  const key = name.trim().toLowerCase().replace(/\s+/g, " ").replace(/ and /g, " & ");
  if (!key) return undefined;
  return TOPICS.find(
    (t) => t.id === key || t.label.toLowerCase() === key || t.aliases.includes(key) || termFor(key) === termFor(t.id),
  );
}
