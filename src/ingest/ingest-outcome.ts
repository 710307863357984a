/** What became of one ingested item: one line each in `nhsai ingest`'s report. */

import type { Document } from "../knowledge/document.js";

export type IngestOutcome =
  | { source: string; status: "added"; document: Document }
  /** Already held: the same canonical URL, or near-identical text (`of` names the held one). */
  | { source: string; status: "duplicate"; documentId: string; reason: "same_url" | "same_text" }
  /** Another outlet's copy of a held document's text: recorded as where else the story appeared. */
  | { source: string; status: "appearance"; documentId: string; publisher: string | null }
  /** `--refresh`: a held document re-read, its title, authors, publisher and date updated. */
  | { source: string; status: "refreshed"; document: Document }
  /** A feed that has not changed since the last read (HTTP 304). */
  | { source: string; status: "not_modified" }
  | { source: string; status: "failed"; reason: string }
  /** Failed lately and not read again until its back-off ends (`reason` says why and until when). */
  | { source: string; status: "waiting"; reason: string };

/** One plain line per outcome, e.g. "added: “Trust wins £5m” (Health News) ← feed.xml". */
export function describeOutcome(outcome: IngestOutcome): string {
  switch (outcome.status) {
    case "added": {
      const doc = outcome.document;
      return `added: “${doc.title}” (${doc.publisher ?? "publisher not stated"}) ← ${outcome.source}`;
    }
    case "duplicate":
      return `already held: ${outcome.source} (${outcome.reason === "same_url" ? "same URL as" : "near-identical text to"} ${outcome.documentId})`;
    case "appearance":
      return `also reported by ${outcome.publisher ?? "another outlet"}: ${outcome.source} (a copy of ${outcome.documentId})`;
    case "refreshed": {
      const doc = outcome.document;
      return `refreshed: “${doc.title}” (${doc.publisher ?? "publisher not stated"}) ← ${outcome.source}`;
    }
    case "not_modified":
      return `unchanged since the last read: ${outcome.source}`;
    case "failed":
      return `error: ${outcome.source} ${outcome.reason}`;
    case "waiting":
      return `not read again yet: ${outcome.source} ${outcome.reason}`;
    default: {
      const unreachable: never = outcome;
      return String(unreachable);
    }
  }
}
