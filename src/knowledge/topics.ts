/**
 * The NHS taxonomy every passage and document is tagged with, and the tagging itself.
 *
 * Each topic has the definition the labelling readers were given (it is also a prior for the
 * model: a pseudo-article for its topic), the words that make a quoted fact squarely about it
 * (`signals`, used when a topic briefing picks facts) and the words people use when they ask
 * for it ("cyber" → safety & security). Which topics a document or sentence is *about* is decided
 * by a classifier learned from labelled real articles (topic-model.json, made by
 * scripts/train-topics.ts), not by keyword lists.
 */

import { type Token, termFor, tokenize } from "./text-terms.js";
import { addTokenFeatures, documentFeatures, TopicModel, type TopicModelData } from "./topic-model.js";
import topicModelData from "./topic-model.json" with { type: "json" };

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
  /** What the topic covers, as the readers who labelled the training articles were told. */
  description: string;
  /** Words that make a sentence squarely about the topic when a briefing quotes facts. */
  signals: string[];
  /** Other names people use for the topic in commands. */
  aliases: string[];
}

export const TOPICS: readonly Topic[] = [
  {
    id: "funding",
    label: "Funding",
    description: "Money is the story: investment, grants, budgets, contract values, cuts, spending, prices.",
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
    description: "Staff: skills, training, recruitment, retention, workload, roles, digital leadership posts.",
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
    description:
      "Core digital and IT foundations: electronic patient records (EPRs), networks, data platforms, cloud, interoperability, shared records, devices.",
    signals: ["infrastructure", "IT", "computers", "kit", "EHR", "EHRs", "records", "systems", "platform", "data"],
    aliases: ["it", "digital infrastructure", "tech", "systems", "records", "ehr"],
  },
  {
    id: "strategy",
    label: "Strategy & policy",
    description:
      "National or organisational direction: plans, strategies, policy announcements, programmes, government priorities.",
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
    description:
      "Safety and security: cyber attacks, ransomware, data breaches, information security, and patient-safety risks of technology (AI errors, unsafe tools).",
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
    description: "Imaging, scans, tests, pathology, screening, AI that detects or diagnoses.",
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
    description:
      "Running services: waiting lists, productivity, admin automation, patient flow, discharge, capacity, efficiency.",
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
    description:
      "The public and patients as the story: trust, consultation, patient voice, public attitudes, patient-facing apps and their uptake.",
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
    description:
      "Regulators and rules: MHRA, ICO, CQC, NICE guidance and evaluation, laws, standards, compliance, fines, procurement rules.",
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

/** The trained model, loaded once: a few hundred kilobytes of weights. */
const model = new TopicModel(topicModelData as TopicModelData);
const modelTopics = model.topicIds as TopicId[];
if (modelTopics.join() !== TOPIC_IDS.join())
  throw new Error(`topic-model.json is for topics ${modelTopics.join(", ")}: run npm run train:topics`);

/**
 * The topics one sentence speaks to, given its document's (from `documentTopics`): those of
 * the document's that its words support, and any other its words state clearly. `tokens` are
 * the sentence's, as the index makes them.
 */
export function passageTopics(text: string, tokens: readonly Token[], documentTopics: readonly TopicId[]): TopicId[] {
  const indexes = documentTopics.map((id) => modelTopics.indexOf(id)).filter((i) => i >= 0);
  const features = addTokenFeatures(text, tokens, 1, new Map());
  return model.tagPassage(features, indexes).map((i) => modelTopics[i] as TopicId);
}

/** The topics a stand-alone sentence speaks to: the sentence read as its own one-line document. */
export function tagTopics(text: string): TopicId[] {
  return passageTopics(text, tokenize(text), documentTopics("", [text]));
}

/**
 * What a document is about: one to three topics, the likeliest first, read from its headline
 * and lead. The headline counts, but each topic must be supported by the body too.
 */
export function documentTopics(title: string, paragraphs: readonly string[]): TopicId[] {
  const { withTitle, body } = documentFeatures(title, paragraphs, model.data);
  return model.fileDocument(withTitle, body).map((i) => modelTopics[i] as TopicId);
}

/** Finds a topic by its id, label or any alias (case and spacing ignored). */
export function findTopic(name: string): Topic | undefined {
  const key = name.trim().toLowerCase().replace(/\s+/g, " ").replace(/ and /g, " & ");
  if (!key) return undefined;
  return TOPICS.find(
    (t) => t.id === key || t.label.toLowerCase() === key || t.aliases.includes(key) || termFor(key) === termFor(t.id),
  );
}
