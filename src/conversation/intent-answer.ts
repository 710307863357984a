/**
 * `nhsai ask` keeps its one JSON shape for intents too: a greeting or thanks is an abstention
 * with a friendly `answer` and no citations; "what's new", a topic's news and an article's
 * summary are answers whose every citation quotes its article verbatim. `ask` is one question
 * with no conversation, so "tell me more" asks "more about what?".
 */

import type { Answer, Citation } from "../answers/answer.js";
import { citationFor } from "../answers/answer.js";
import { pickKeySentences } from "../briefings/pick-key-sentences.js";
import type { Library } from "../knowledge/library.js";
import { type Block, plainRuns, type Reply } from "../reply.js";
import { verbatimQuote } from "./article-passages.js";
import { recogniseIntent } from "./intents.js";
import { intentReply } from "./library-reply.js";

/** The intent's reply as an `ask --json` answer, or null when the question is a question. */
export function intentAnswer(library: Library, question: string, now: Date): Answer | null {
  const intent = recogniseIntent(question);
  if (!intent) return null;
  const reply = intentReply(library, intent, question, { now, chooseFirst: true });
  const answer = textOf(reply);
  const citations = citationsOf(library, reply);
  // An answer (a summary, or the engine's own when the words fit no article) says how sure it is.
  if (reply.kind === "answer")
    return { question, answer, abstained: reply.abstained, confidence: reply.confidence, citations };
  const abstained = citations.length === 0;
  return { question, answer, abstained, confidence: abstained ? 0 : 1, citations };
}

/** The digest's summaries are rebuilt from their passages, so a quote never joins sentences that are apart. */
function citationsOf(library: Library, reply: Reply): Citation[] {
  if (reply.kind === "digest") {
    return reply.digest.items.flatMap((item) => {
      const entry = library.get(item.documentId);
      return entry ? [citationFor(entry.document, verbatimQuote(pickKeySentences(entry).passages))] : [];
    });
  }
  if (reply.kind === "answer" && reply.abstained) return [];
  return reply.citations.map(({ publishedLabel: _label, ...citation }) => citation);
}

/** The reply's words as plain text: a short message's title, headings, paragraphs and bullets, one per line. */
function textOf(reply: Reply): string {
  const lines: string[] = reply.kind === "text" ? [reply.title] : [];
  for (const section of reply.sections) {
    if (section.heading) lines.push(plainRuns(section.heading));
    for (const block of section.blocks) lines.push(...blockLines(block));
  }
  return lines.filter((l) => l.trim()).join("\n");
}

function blockLines(block: Block): string[] {
  if (block.type === "bullets") return block.items.map((item) => `• ${plainRuns(item.runs)}`);
  return [plainRuns(block.runs)];
}
