/**
 * One GET as ingestion makes it: the URL and every redirect checked against the URL policy before
 * any connection, a deadline for the whole exchange (headers and body: a server that trickles is
 * cut off), a size limit enforced while reading (a missing or lying Content-Length changes
 * nothing), and conditional GET for feeds.
 */

import { checkUrl, type UrlPolicy } from "./url-safety.js";

export interface FetchLimits {
  /** The whole request, redirects and body included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

export interface FetchDeps extends UrlPolicy {
  fetch: typeof fetch;
  limits: FetchLimits;
}

/** Validators from the last read, for a conditional GET. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type Fetched =
  | {
      status: "ok";
      /** Where the body came from, after redirects. */
      url: string;
      body: string;
      contentType: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: "not_modified"; url: string }
  | { status: "failed"; reason: string };

/** Says what is asking, so a publisher can tell the bot from a browser (and block or allow it). */
const USER_AGENT = "nhsai-ingest/0.1 (NHS AI and digital news briefing bot)";

export async function fetchSafely(raw: string, deps: FetchDeps, validators: Validators = {}): Promise<Fetched> {
  const { timeoutMs } = deps.limits;
  const signal = AbortSignal.timeout(timeoutMs);
  let target = raw;
  try {
    for (let hop = 0; hop <= deps.limits.maxRedirects; hop++) {
      const check = await checkUrl(target, deps);
      if (!check.ok) return { status: "failed", reason: `${hop ? "redirected to a URL that " : ""}${check.reason}` };
      const response = await deps.fetch(check.url, { headers: headersFor(validators), redirect: "manual", signal });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
        await response.body?.cancel();
        target = new URL(location, check.url).href;
        continue;
      }
      if (response.status === 304) return { status: "not_modified", url: check.url.href };
      if (!response.ok) {
        await response.body?.cancel();
        return { status: "failed", reason: `the server answered ${response.status} ${response.statusText}`.trim() };
      }
      return await readBody(response, check.url.href, deps.limits.maxBytes);
    }
    return { status: "failed", reason: `more than ${deps.limits.maxRedirects} redirects` };
  } catch (error) {
    if (signal.aborted) return { status: "failed", reason: `no complete answer within ${timeoutMs / 1000} s` };
    return { status: "failed", reason: `could not be read (${causeOf(error)})` };
  }
}

function headersFor(validators: Validators): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": USER_AGENT,
    accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, text/*;q=0.8",
  };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  return headers;
}

async function readBody(response: Response, url: string, maxBytes: number): Promise<Fetched> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return { status: "failed", reason: tooLarge(maxBytes) };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { status: "failed", reason: tooLarge(maxBytes) };
    }
    chunks.push(value);
  }
  const contentType = response.headers.get("content-type") ?? "";
  return {
    status: "ok",
    url,
    body: decode(Buffer.concat(chunks), contentType),
    contentType,
    etag: response.headers.get("etag"),
    lastModified: response.headers.get("last-modified"),
  };
}

/**
 * The charset the header declares, else the one the document declares in its first bytes
 * (`<meta charset>`, `<?xml encoding>`), else UTF-8; an unknown label falls back to UTF-8.
 */
function decode(bytes: Uint8Array, contentType: string): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  const charset =
    /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1] ??
    "utf-8";
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return new TextDecoder("utf-8").decode(bytes);
  }
}

export function tooLarge(maxBytes: number): string {
  return `is larger than the ${formatBytes(maxBytes)} limit`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message;
  return error instanceof Error ? error.message : String(error);
}
