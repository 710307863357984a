/**
 * ARCHIVE_TOKEN, for deployments that keep the archive internal: a request carries
 * `Authorization: Bearer <token>`, or opens a link with `?token=<token>` once, which sets an
 * HttpOnly, SameSite=Strict cookie and redirects to the same address without the token (so it
 * leaves the address bar, history and Referer). Tokens are compared in constant time.
 */

import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

const COOKIE = "nhsai_archive";
/** How long the cookie lasts: 30 days. */
const COOKIE_SECONDS = 30 * 24 * 60 * 60;

export type AccessDecision =
  | { kind: "allowed" }
  | { kind: "denied" }
  /** The token was right: set the cookie and send the reader to `location`. */
  | { kind: "redirect"; location: string; setCookie: string };

export interface ArchiveAccessOptions {
  /** ARCHIVE_TOKEN; unset: the pages are open to anyone who can reach the server. */
  token?: string | undefined;
  /** Mark the cookie Secure (PUBLIC_URL is https). */
  secure: boolean;
}

export function createArchiveAccess({
  token,
  secure,
}: ArchiveAccessOptions): (req: IncomingMessage, url: URL) => AccessDecision {
  if (!token) return () => ({ kind: "allowed" });
  // The cookie holds a value derived from the token, not the token itself.
  const cookieValue = createHmac("sha256", token).update("nhsai archive cookie").digest("base64url");
  const setCookie = `${COOKIE}=${cookieValue}; Path=/; Max-Age=${COOKIE_SECONDS}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
  return (req, url) => {
    const offered = url.searchParams.get("token");
    if (offered !== null) {
      if (!sameSecret(offered, token)) return { kind: "denied" };
      const clean = new URL(url);
      clean.searchParams.delete("token");
      return { kind: "redirect", location: `${clean.pathname}${clean.search}`, setCookie };
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
    if (bearer !== undefined) return sameSecret(bearer, token) ? { kind: "allowed" } : { kind: "denied" };
    const cookie = cookieOf(req.headers.cookie ?? "", COOKIE);
    return cookie !== null && sameSecret(cookie, cookieValue) ? { kind: "allowed" } : { kind: "denied" };
  };
}

/** Constant-time equality for strings of any length: both sides are hashed to 32 bytes first. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function cookieOf(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}
