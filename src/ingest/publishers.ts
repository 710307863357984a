/**
 * Who published a capture, from what the capture shows: a copyright line ("© 2024 Digital Health
 * News"), a known outlet's name or short name in the page's masthead or banners, a masthead line
 * above the headline, and last the URL's host. Known outlets are data (seeds/publishers.json),
 * so adding one is an edit to a list, not to code.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeRegExp, PICTURE_LIBRARY } from "../knowledge/clean-capture.js";
import { findPackageRoot } from "../package-root.js";
import { HOSTING_PLATFORM, siteNameForHost } from "./site-name.js";

interface KnownPublisher {
  name: string;
  hosts: string[];
  aliases: string[];
  /** A name that is also an ordinary word ("Mind", "Which?"): known by its host, never by its name in the text. */
  hostOnly?: boolean;
}

let known: KnownPublisher[] | null = null;

const GENERIC_SUBDOMAIN = /^(?:blogs?|news|m|amp|en|web)\.(?=[^.]+\.[^.]+)/;

/** The known outlets, read once. */
function knownPublishers(): readonly KnownPublisher[] {
  known ??= JSON.parse(
    readFileSync(join(findPackageRoot(import.meta.url), "seeds", "publishers.json"), "utf8"),
  ) as KnownPublisher[];
  return known;
}

/**
 * The outlet for a page address: a known outlet by host (or a parent domain); else the site's name
 * as the capture's `lines` write it or as the domain spells it ("waystowellness.org.uk" → "Ways to
 * Wellness"); else the bare host.
 */
export function publisherForUrl(url: string | null, lines: readonly string[] = []): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
  // A generic sub-site ("blog.", "news.") is the same outlet as its domain.
  return (
    knownPublisherForHost(host) ??
    knownSubSite(host) ??
    siteNameForHost(host, lines) ??
    (host.replace(GENERIC_SUBDOMAIN, "") || null)
  );
}

/**
 * A known organisation's site on a hosting platform, its label its name with "website" or "site"
 * after it ("acmewebsite.azurewebsites.net" is Acme's): the platform is no publisher.
 */
function knownSubSite(host: string): string | null {
  if (!HOSTING_PLATFORM.test(host)) return null;
  const label = (host.split(".")[0] ?? "").replace(/-?(?:website|site|web|online)$/, "");
  return label.length >= 4 ? knownName(label) : null;
}

/**
 * A known outlet by host or a parent domain ("news.bbc.co.uk" → BBC News), or null; the most
 * specific host wins ("bmjleader.bmj.com" is BMJ Leader, not The BMJ).
 */
export function knownPublisherForHost(host: string): string | null {
  const bare = host.toLowerCase().replace(/^www\./, "");
  let best: { name: string; length: number } | null = null;
  for (const p of knownPublishers())
    for (const h of p.hosts)
      if ((bare === h || bare.endsWith(`.${h}`)) && h.length > (best?.length ?? 0))
        best = { name: p.name, length: h.length };
  return best?.name ?? null;
}

/** "© 2024 Digital Health News. All rights reserved." → "Digital Health News"; null for Crown copyright. */
export function publisherInCopyright(line: string): string | null {
  const found =
    /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(.+)$/i.exec(
      line.trim(),
    );
  if (!found?.[1]) return null;
  const name = found[1]
    .replace(/\s*[.,|-]?\s*all rights reserved.*$/i, "")
    .replace(/\s*\d{4}\s*$/, "")
    .replace(/[.,\s]+$/, "")
    .trim();
  // "© Syda Productions - Shutterstock" under a picture credits the photographer and the library.
  if (!name || /crown|^the authors?$/i.test(name) || name.split(/\s+/).length > 8 || PICTURE_LIBRARY.test(name))
    return null;
  return knownName(name) ?? name;
}

let labelPatterns: { name: string; label: string; pattern: RegExp }[] | null = null;

/** A known outlet named (by name or short name) as a whole word in `line`. */
export function knownPublisherIn(line: string): string | null {
  return knownLabelIn(line)?.name ?? null;
}

/** The known outlet named in `line` and the label it is named by ("BMA" for the British Medical Association). */
export function knownLabelIn(line: string): { name: string; label: string } | null {
  labelPatterns ??= knownPublishers()
    .filter((p) => !p.hostOnly)
    .flatMap((p) =>
      [p.name, ...p.aliases].map((label) => ({
        name: p.name,
        label,
        pattern: new RegExp(`(^|[^\\p{L}])${escapeRegExp(label)}($|[^\\p{L}])`, "u"),
      })),
    );
  // A label is matched as written (case and all), so a line that does not hold its text cannot
  // match its pattern: the substring check spares ~2,000 patterns per line, and keeps the list's
  // order (the first label that matches wins, as before).
  for (const known of labelPatterns) if (line.includes(known.label) && known.pattern.test(line)) return known;
  return null;
}

/** The known outlet a name or short name stands for ("HSJ" → "Health Service Journal"), or null. */
export function knownName(name: string): string | null {
  const fold = name
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\s+(ltd|limited|plc)$/, "");
  return (
    knownPublishers().find((p) => [p.name, ...p.aliases].some((l) => l.toLowerCase().replace(/’/g, "'") === fold))
      ?.name ?? null
  );
}

/** The known outlet whose name or short name has these letters ("digitalhealth" → "Digital Health"), or null. */
export function knownByLetters(letters: string): string | null {
  const bare = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const want = bare(letters);
  if (want.length < 4) return null;
  return knownPublishers().find((p) => [p.name, ...p.aliases].some((l) => bare(l) === want))?.name ?? null;
}
