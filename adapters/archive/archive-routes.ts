/**
 * The archive on `nhsai serve`'s port: `GET /briefings` (every posted briefing, newest first, a
 * page at a time), `GET /briefings/<id>` (one briefing), `GET /library?q=…` (the search box: the
 * same Reply chat gives for that text) and the design system's assets under /assets/. No
 * JavaScript anywhere: a strict Content-Security-Policy allows none. Any request gets a page
 * back (bad ids and pages a friendly 404 or 400); nothing a request says can stop the server.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import { ARCHIVE_ID, type Logger, type PostedBriefings, type Reply } from "../../src/index.js";
import { createArchiveAccess } from "./archive-access.js";
import { createArchivePages } from "./archive-pages.js";
import { ASSETS_PREFIX, loadDesignSystemAssets } from "./design-system.js";

/** Briefings per list page. */
const PAGE_SIZE = 20;
/** Longer search text is cut (chat refuses it with its own friendly reply). */
const MAX_QUERY = 2_000;

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy":
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
} as const;

export interface ArchiveRouteOptions {
  store: PostedBriefings;
  /** What chat would reply to `text` (a question, a topic, a command). */
  ask: (text: string, now: Date) => Promise<Reply>;
  /** ARCHIVE_TOKEN, if the archive is kept internal. */
  token?: string | undefined;
  /** Mark the access cookie Secure (PUBLIC_URL is https). */
  secureCookie?: boolean;
  now?: () => Date;
  log: Logger;
}

/** Handles the request and returns true when `path` is one of the archive's; false leaves it to the server. */
export type PageRoutes = (req: IncomingMessage, res: ServerResponse, path: string) => boolean;

export function createArchiveRoutes(options: ArchiveRouteOptions): PageRoutes {
  const pages = createArchivePages();
  const assets = loadDesignSystemAssets();
  const access = createArchiveAccess({ token: options.token, secure: options.secureCookie ?? false });
  const now = options.now ?? (() => new Date());

  const serve = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return send(req, res, 405, pages.problem("Method not allowed", "These pages can only be read."));
    }
    if (path.startsWith(ASSETS_PREFIX)) {
      const asset = assets.get(path.slice(ASSETS_PREFIX.length));
      if (!asset) return send(req, res, 404, pages.problem("Page not found", "There is no such file."));
      res.writeHead(200, {
        "content-type": asset.contentType,
        "content-length": asset.body.length,
        "cache-control": "public, max-age=86400",
        "x-content-type-options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : asset.body);
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    const decision = access(req, url);
    if (decision.kind === "denied") {
      res.setHeader("WWW-Authenticate", 'Bearer realm="nhsai archive"');
      const message = "These pages need the archive token. Open the link you were given, which includes it.";
      return send(req, res, 401, pages.problem("You need the archive link", message));
    }
    if (decision.kind === "redirect") {
      res.writeHead(303, {
        location: decision.location,
        "set-cookie": decision.setCookie,
        "cache-control": "no-store",
      });
      res.end();
      return;
    }
    if (path === "/library") return library(req, res, url);
    if (path === "/briefings" || path === "/briefings/") return list(req, res, url);
    return one(req, res, decodeSafely(path.slice("/briefings/".length)));
  };

  const list = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const asked = url.searchParams.get("page");
    const page = asked === null ? 1 : /^[1-9]\d{0,5}$/.test(asked) ? Number(asked) : null;
    if (page === null)
      return send(req, res, 400, pages.problem("No such page", "The page number must be a whole number from 1."));
    const { briefings, total } = await options.store.listPostedBriefings({
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > last)
      return send(
        req,
        res,
        404,
        pages.problem(
          "Page not found",
          `There ${last === 1 ? "is only 1 page" : `are only ${last} pages`} of briefings.`,
        ),
      );
    send(req, res, 200, pages.list({ briefings, page, pages: last, total }));
  };

  const one = async (req: IncomingMessage, res: ServerResponse, id: string | null): Promise<void> => {
    const briefing = id !== null && ARCHIVE_ID.test(id) ? await options.store.getPostedBriefing(id) : null;
    if (!briefing) return send(req, res, 404, pages.problem("Page not found", "There is no briefing at this address."));
    send(req, res, 200, pages.briefing(briefing));
  };

  const library = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const query = (url.searchParams.get("q") ?? "").slice(0, MAX_QUERY);
    const reply = query.trim() ? await options.ask(query, now()) : null;
    send(req, res, 200, pages.library(query, reply));
  };

  return (req, res, path) => {
    if (!isArchivePath(path)) return false;
    serve(req, res, path).catch((error: unknown) => {
      options.log.error("archive.page_failed", {
        path: pathKind(path),
        error: error instanceof Error ? error.name : "error",
      });
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = "Something went wrong reading the archive. Please try again in a minute.";
      send(req, res, 503, pages.problem("Sorry, there is a problem", message));
    });
    return true;
  };
}

/** The paths the archive answers (its pages and the design system's assets). */
export function isArchivePath(path: string): boolean {
  return (
    path === "/library" || path === "/briefings" || path.startsWith("/briefings/") || path.startsWith(ASSETS_PREFIX)
  );
}

/** What kind of page failed, for the log (never the path itself: it is the requester's text). */
function pathKind(path: string): string {
  return path.startsWith(ASSETS_PREFIX) ? "asset" : path.startsWith("/briefings/") ? "briefing" : path;
}

function decodeSafely(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function send(req: IncomingMessage, res: ServerResponse, status: number, html: string): void {
  const body = Buffer.from(html);
  res.writeHead(status, { ...PAGE_HEADERS, "content-length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}
