/**
 * Ingestion's facade: local files, URLs (pages or feeds) and followed feeds in; documents stored,
 * added to the library (answerable at once in this process) and reported one outcome per item.
 * Every failure is an outcome with a reason, so one bad item never stops the batch, and nothing
 * already stored is touched. A page or feed body that failed waits out a back-off before it is
 * fetched again. Fetching, parsing (a worker pool in production), time and the store are injected.
 */

import { type Appearance, type Document, hostOf, REFRESHABLE_FIELDS } from "../knowledge/document.js";
import type { Actor, Documents, FeedRead, FeedSource, Feeds, ReadFailures } from "../store/store.js";
import { sanitiseText } from "../text/sanitise-text.js";
import { type ArticleDraft, guarded, type ReadResult } from "./article-draft.js";
import { DuplicateIndex } from "./duplicate-index.js";
import { type FetchDeps, fetchSafely } from "./fetch-safely.js";
import type { HeldDocuments } from "./held-documents.js";
import type { IngestOutcome } from "./ingest-outcome.js";
import { type FeedItem, looksLikeFeed } from "./read-feed.js";
import { type PageFetcher, readFeedItem } from "./read-feed-item.js";
import type { DocumentReader } from "./read-task.js";
import { retryAt } from "./retry-after.js";
import { toDocument } from "./to-document.js";

export interface IngestDeps extends FetchDeps {
  store: Documents & Feeds & ReadFailures;
  /** Where pages, files and feeds are parsed: a worker pool in production. */
  reader: DocumentReader;
  /** Where new documents go and duplicates are looked for: the Library in serve, a shelf in the CLI. */
  library: HeldDocuments;
  now: () => Date;
  /** Who is ingesting, for the audit trail: "cli", "feeds". */
  who: Actor;
}

/**
 * New items read from one feed per read at most: a feed of 10,000 new items is read over several
 * polls (items already held cost nothing and do not count).
 */
export const MAX_FEED_ITEMS = 50;

export class Ingester {
  private readonly held = new DuplicateIndex();
  /** Documents are accepted one at a time, so feeds polled together cannot both add the same one. */
  private accepting: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: IngestDeps) {}

  /**
   * A local file's text; its kind comes from the file name. With `refresh`, a held document it
   * matches gets the file's title, authors, publisher and date, keeping its id.
   */
  async ingestFile(name: string, body: string, options: ReadOptions = {}): Promise<IngestOutcome[]> {
    const { reader } = this.deps;
    if (/\.(xml|rss|atom)$/i.test(name) || looksLikeFeed(body, "")) {
      const feed = await reader.read({ kind: "feed", xml: body, url: "http://localhost/" });
      return feed.ok ? (await this.ingestItems(feed.value.title, feed.value.items, name)).outcomes : [fail(name, feed)];
    }
    const read = /\.(md|markdown)$/i.test(name)
      ? reader.read({ kind: "markdown", source: body })
      : /\.x?html?$/i.test(name)
        ? reader.read({ kind: "page", html: body, url: null })
        : reader.read({ kind: "text", raw: body });
    return [await this.accept(await read, name, options)];
  }

  /** A page or a feed on the web; a feed is followed from then on (its validators are kept). */
  async ingestUrl(url: string, options: ReadOptions = {}): Promise<IngestOutcome[]> {
    const fetched = await fetchSafely(url, this.deps);
    if (fetched.status !== "ok")
      return [
        {
          source: url,
          status: "failed",
          reason: fetched.status === "failed" ? fetched.reason : "answered 304 to an unconditional request",
        },
      ];
    const { reader } = this.deps;
    if (!looksLikeFeed(fetched.body, fetched.contentType))
      return [
        await this.accept(await reader.read({ kind: "page", html: fetched.body, url: fetched.url }), url, options),
      ];
    const feed = await reader.read({ kind: "feed", xml: fetched.body, url: fetched.url });
    if (!feed.ok) return [fail(url, feed)];
    await this.deps.store.saveFeed(url, this.deps.who, this.deps.now());
    const { outcomes, complete } = await this.ingestItems(feed.value.title, feed.value.items, url);
    await this.deps.store.recordFeedRead(url, validators(fetched, complete), this.deps.now());
    return outcomes;
  }

  /** One poll of a followed feed: a conditional GET, then its new items. The read is recorded either way. */
  async pollFeed(feed: FeedSource): Promise<IngestOutcome[]> {
    // A feed whose body could not be parsed (not one that could not be reached) waits out a back-off too.
    const before = await this.backOff(feed.url);
    if (before.waiting) return [{ source: feed.url, status: "waiting", reason: before.waiting }];
    const fetched = await fetchSafely(feed.url, this.deps, feed);
    const { store } = this.deps;
    if (fetched.status === "failed") {
      await store.recordFeedRead(feed.url, { error: fetched.reason }, this.deps.now());
      return [{ source: feed.url, status: "failed", reason: fetched.reason }];
    }
    if (fetched.status === "not_modified") {
      await store.recordFeedRead(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, this.deps.now());
      return [{ source: feed.url, status: "not_modified" }];
    }
    const parsed = await this.deps.reader.read({ kind: "feed", xml: fetched.body, url: fetched.url });
    if (!parsed.ok) {
      await store.recordFeedRead(feed.url, { error: parsed.reason }, this.deps.now());
      await store.recordReadFailure(feed.url, parsed.reason, this.deps.now());
      return [fail(feed.url, parsed)];
    }
    if (before.remembered) await store.clearReadFailure(feed.url);
    const { outcomes, complete } = await this.ingestItems(parsed.value.title, parsed.value.items, feed.url);
    await store.recordFeedRead(feed.url, validators(fetched, complete), this.deps.now());
    return outcomes;
  }

  private async ingestItems(
    feedTitle: string | null,
    items: FeedItem[],
    source: string,
  ): Promise<{ outcomes: IngestOutcome[]; complete: boolean }> {
    this.held.syncWith(this.deps.library);
    const fetchPage: PageFetcher = (url) => fetchSafely(url, this.deps);
    const outcomes: IngestOutcome[] = [];
    let read = 0;
    for (const item of items) {
      if (read === MAX_FEED_ITEMS) return { outcomes, complete: false };
      const label = item.link ?? `${source}: “${item.title ?? "untitled item"}”`;
      const known = item.link ? this.held.idForUrl(item.link) : null;
      if (known) {
        outcomes.push({ source: label, status: "duplicate", documentId: known, reason: "same_url" });
        continue;
      }
      const before = item.link ? await this.backOff(item.link) : { remembered: false, waiting: null };
      if (before.waiting) {
        outcomes.push({ source: label, status: "waiting", reason: before.waiting });
        continue;
      }
      read++;
      const draft = await guarded(() => readFeedItem(item, feedTitle, fetchPage, this.deps.reader));
      const outcome = await this.accept(draft, label);
      if (item.link && outcome.status === "failed")
        await this.deps.store.recordReadFailure(item.link, outcome.reason, this.deps.now());
      else if (item.link && before.remembered) await this.deps.store.clearReadFailure(item.link);
      // The next poll then knows the item by its feed link, without fetching its page again.
      if (item.link && outcome.status !== "failed" && outcome.status !== "not_modified" && outcome.status !== "waiting")
        this.held.addAlias(
          item.link,
          outcome.status === "added" || outcome.status === "refreshed" ? outcome.document.id : outcome.documentId,
        );
      outcomes.push(outcome);
    }
    return { outcomes, complete: true };
  }

  /**
   * Whether `url` failed lately, and if its back-off is still running, why it is not read yet: a
   * bad page costs one fetch and one parse per back-off step, not one per poll, even across restarts.
   */
  private async backOff(url: string): Promise<{ remembered: boolean; waiting: string | null }> {
    const failed = await this.deps.store.getReadFailure(url);
    if (!failed) return { remembered: false, waiting: null };
    const next = retryAt(failed);
    if (next.getTime() <= this.deps.now().getTime()) return { remembered: true, waiting: null };
    const times = failed.failures === 1 ? "once" : `${failed.failures} times`;
    const when = `latest ${failed.failedAt.toISOString()}; next try after ${next.toISOString()}`;
    return { remembered: true, waiting: `${failed.reason} (failed ${times}, ${when})` };
  }

  /**
   * Stores a draft unless it is already held; adds it to the library and the duplicate index. A
   * held text from another outlet becomes an appearance of the held document; with `refresh`, a
   * held document takes the draft's metadata.
   */
  private accept(draft: ReadResult<ArticleDraft>, source: string, options: ReadOptions = {}): Promise<IngestOutcome> {
    const turn = this.accepting.then(() => this.acceptNow(draft, source, options));
    this.accepting = turn.catch(() => undefined);
    return turn;
  }

  private async acceptNow(
    draft: ReadResult<ArticleDraft>,
    source: string,
    options: ReadOptions,
  ): Promise<IngestOutcome> {
    if (!draft.ok) return fail(source, draft);
    const made = toDocument(sanitiseDraft(draft.value), this.deps.now());
    if (!made.ok) return fail(source, made);
    this.held.syncWith(this.deps.library);
    const doc: Document = made.value;
    const match = this.held.find(doc);
    const held = match ? this.deps.library.get(match.documentId)?.document : undefined;
    if (match && held && options.refresh) {
      const refreshed = refreshedFrom(held, doc);
      await this.replace(refreshed);
      return { source, status: "refreshed", document: refreshed };
    }
    if (match?.kind === "same_text" && held && isOtherOutlet(held, doc)) {
      const appearance: Appearance = {
        publisher: doc.publisher,
        url: doc.url,
        published: doc.published,
        addedAt: doc.addedAt,
      };
      await this.replace({ ...held, appearances: [...(held.appearances ?? []), appearance] });
      if (doc.url) this.held.addAlias(doc.url, held.id);
      return { source, status: "appearance", documentId: held.id, publisher: doc.publisher };
    }
    if (match) return { source, status: "duplicate", documentId: match.documentId, reason: match.kind };
    await this.deps.store.addDocument(doc, this.deps.who, this.deps.now());
    this.deps.library.add(doc);
    this.held.add(doc);
    return { source, status: "added", document: doc };
  }

  /** Stores a held document's new metadata and shows it in this process's library. */
  private async replace(doc: Document): Promise<void> {
    await this.deps.store.addDocument(doc, this.deps.who, this.deps.now());
    this.deps.library.update(doc);
  }
}

export interface ReadOptions {
  /** Re-read a held document and update its title, authors, publisher and date (its id stays). */
  refresh?: boolean;
}

/** The held document with what the new read says about the page; what the new read lacks is kept. */
function refreshedFrom(held: Document, read: Document): Document {
  const next: Document = { ...held };
  for (const field of REFRESHABLE_FIELDS) {
    const value = read[field];
    const missing = value === null || (Array.isArray(value) && value.length === 0);
    if (!missing) (next as unknown as Record<string, unknown>)[field] = value;
  }
  if (read.titleEditorial && !held.titleEditorial) next.title = held.title; // never replace a real headline with one we wrote
  next.titleEditorial = held.titleEditorial && read.titleEditorial;
  return next;
}

/**
 * A copy from another outlet: it names a different publisher, or comes from a different site. The
 * same outlet's copy (a page re-read under another address) stays a plain duplicate, and an outlet
 * already listed is not listed twice.
 */
function isOtherOutlet(held: Document, copy: Document): boolean {
  const outletOf = (d: Pick<Document, "publisher" | "url">) => d.publisher?.toLowerCase() ?? hostOf(d.url);
  const outlet = outletOf(copy);
  // Both outlets must be known: a copy of a capture whose source is unknown may be its own source.
  if (!outlet || !outletOf(held)) return false;
  return [held, ...(held.appearances ?? [])].every((known) => outletOf(known) !== outlet);
}

/** A read that left items for later keeps no validators, so the next poll is a full GET, not a 304. */
function validators(fetched: { etag: string | null; lastModified: string | null }, complete: boolean): FeedRead {
  return complete ? { etag: fetched.etag, lastModified: fetched.lastModified } : { etag: null, lastModified: null };
}

/**
 * A document's words are shown in chat and terminals long after it is read, so what they carry
 * that could act there (escape sequences, bidi overrides, zero-width characters) is removed once, here.
 */
function sanitiseDraft(draft: ArticleDraft): ArticleDraft {
  const clean = (text: string | null) => (text === null ? null : sanitiseText(text).replace(/ {2,}/g, " ").trim());
  return {
    ...draft,
    title: clean(draft.title),
    publisher: clean(draft.publisher),
    authors: draft.authors.map((a) => clean(a) ?? ""),
    // Line by line: a list paragraph keeps one item a line.
    paragraphs: draft.paragraphs.map((p) => ({
      ...p,
      text: p.text
        .split("\n")
        .map((line) => clean(line) ?? "")
        .join("\n"),
    })),
  };
}

function fail(source: string, result: { ok: false; reason: string }): IngestOutcome {
  return { source, status: "failed", reason: result.reason };
}
