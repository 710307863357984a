/**
 * A draft becomes a Document: a stable id (a slug of the headline and a hash of the canonical URL,
 * or of the text when there is none, so re-reading the same page gives the same id), a headline
 * written from the text when the source has none, and a check against the document schema:
 * ingested documents come from outside, so they are validated like the seeds.
 */

import { createHash } from "node:crypto";
import type { Document } from "../knowledge/document.js";
import { documentSchema } from "../knowledge/seed-articles.js";
import { splitSentences } from "../knowledge/split-sentences.js";
import { type ArticleDraft, failure, type ReadResult } from "./article-draft.js";

const MAX_TITLE_WORDS = 14;

export function toDocument(draft: ArticleDraft, now: Date): ReadResult<Document> {
  const title = draft.title?.trim() || null;
  const body = draft.paragraphs.map((p) => p.text).join("\n");
  const doc: Document = {
    id: idFor(title ?? body, draft.url ?? body),
    title: title ?? headlineFrom(draft),
    titleEditorial: title === null,
    publisher: draft.publisher?.trim() || null,
    organisation: null,
    authors: draft.authors,
    published: draft.published,
    dateNote: draft.dateNote,
    url: draft.url,
    paragraphs: draft.paragraphs,
    addedAt: now.toISOString(),
  };
  const checked = documentSchema().safeParse(doc);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return failure(`could not be made into a document (${issue?.path.join(".")}: ${issue?.message})`);
  }
  return { ok: true, value: doc };
}

/** "nhs-trust-wins-5m-for-ai-3f9a1c2b". */
function idFor(title: string, key: string): string {
  const slug = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/£/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .slice(0, 6)
    .join("-");
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return slug ? `${slug}-${hash}` : `article-${hash}`;
}

/** The first sentence of the first paragraph, shortened: marked editorial in the document. */
function headlineFrom(draft: ArticleDraft): string {
  const first = draft.paragraphs.find((p) => !p.heading) ?? draft.paragraphs[0];
  const sentence = splitSentences(first?.text ?? "")[0]?.text ?? first?.text ?? "Untitled";
  const words = sentence.split(/\s+/);
  return words.length > MAX_TITLE_WORDS ? `${words.slice(0, MAX_TITLE_WORDS).join(" ")}…` : sentence;
}
