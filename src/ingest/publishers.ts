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
  /** The outlet this one is an edition or a title of ("ITV News Granada" of ITV News, "Nursing Standard" of RCNi). */
  partOf?: string;
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
  const address = pageAddress(url);
  if (!address) return null;
  const host = address.host.replace(/^www\./, "");
  // A generic sub-site ("blog.", "news.") is the same outlet as its domain.
  return (
    knownPublisherForPage(host, address.path) ??
    knownSubSite(host) ??
    siteNameForHost(host, lines) ??
    (host.replace(GENERIC_SUBDOMAIN, "") || null)
  );
}

/**
 * "www-ukauthority-com.azurewebsites.net" is the platform's copy of ukauthority.com: a hosting
 * platform's sub-site named after a whole address (its dots written as dashes) is that site.
 */
function mirroredHost(host: string): string {
  if (!HOSTING_PLATFORM.test(host)) return host;
  const mirrored = /^(?:www-)?([a-z0-9-]+?)-(com|org|net|co-uk|org-uk|nhs-uk|gov-uk|ac-uk)$/.exec(
    host.split(".")[0] ?? "",
  );
  return mirrored ? `${mirrored[1]}.${mirrored[2]?.replace("-", ".")}` : host;
}

/** The known outlet a page's address belongs to (by host and folder), or null. */
export function knownPublisherForUrl(url: string | null): string | null {
  const address = pageAddress(url);
  return address ? knownPublisherForPage(address.host, address.path) : null;
}

/** A page's host (a hosting platform's mirror read as the site it mirrors) and path, lower case; null for no URL. */
function pageAddress(url: string | null): { host: string; path: string } | null {
  if (!url) return null;
  try {
    const address = new URL(url);
    return { host: mirroredHost(address.hostname.toLowerCase()), path: address.pathname.toLowerCase() };
  } catch {
    return null;
  }
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
  return knownPublisherForPage(host, null);
}

/**
 * A known outlet by the page's address: an outlet published under a folder of a larger site
 * ("itv.com/news/granada" is ITV News Granada, "rcni.com/nursing-standard" Nursing Standard) when
 * `path` is under that folder, else by host as knownPublisherForHost.
 */
function knownPublisherForPage(host: string, path: string | null): string | null {
  byHost ??= indexByHost();
  const labels = host
    .toLowerCase()
    .replace(/^www\./, "")
    .split(".");
  let best: { name: string; length: number } | null = null;
  // "news.bbc.co.uk" is looked up as itself, then "bbc.co.uk", "co.uk" …: the longest address wins.
  for (let i = 0; i < labels.length; i++)
    for (const { folder, name, length } of byHost.get(labels.slice(i).join(".")) ?? [])
      if ((!folder || (path !== null && `${path}/`.startsWith(`${folder}/`))) && length > (best?.length ?? 0))
        best = { name, length };
  return best?.name ?? null;
}

let byHost: Map<string, { folder: string; name: string; length: number }[]> | null = null;

/** The list's addresses by host, each with its folder ("" for the whole site). */
function indexByHost() {
  const index = new Map<string, { folder: string; name: string; length: number }[]>();
  for (const p of knownPublishers())
    for (const address of p.hosts) {
      const slash = address.indexOf("/");
      const host = slash === -1 ? address : address.slice(0, slash);
      const entry = { folder: slash === -1 ? "" : address.slice(slash), name: p.name, length: address.length };
      index.set(host, [...(index.get(host) ?? []), entry]);
    }
  return index;
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

interface LabelPattern {
  order: number;
  name: string;
  label: string;
  pattern: RegExp;
}
/** The text labels by their first run of letters: a line is tested only against labels whose first word it holds. */
let labelsByFirstWord: Map<string, LabelPattern[]> | null = null;

/** A known outlet named (by name or short name) as a whole word in `line`. */
export function knownPublisherIn(line: string): string | null {
  return knownLabelIn(line)?.name ?? null;
}

/** The known outlet named in `line` and the label it is named by ("BMA" for the British Medical Association). */
export function knownLabelIn(line: string): { name: string; label: string } | null {
  labelsByFirstWord ??= indexLabels();
  // A label stands between non-letters, so its first run of letters is a whole run of the line's.
  const candidates = [...new Set(line.match(LETTER_RUN) ?? [])]
    .flatMap((run) => labelsByFirstWord?.get(run) ?? [])
    .sort((a, b) => a.order - b.order);
  return candidates.find(({ pattern }) => pattern.test(line)) ?? null;
}

const LETTER_RUN = /\p{L}+/gu;

function indexLabels(): Map<string, LabelPattern[]> {
  const index = new Map<string, LabelPattern[]>();
  let order = 0;
  for (const p of knownPublishers().filter((entry) => !entry.hostOnly))
    for (const label of [p.name, ...p.aliases]) {
      const first = label.match(LETTER_RUN)?.[0];
      if (!first) continue;
      const pattern = new RegExp(`(^|[^\\p{L}])${escapeRegExp(label)}($|[^\\p{L}])`, "u");
      index.set(first, [...(index.get(first) ?? []), { order: order++, name: p.name, label, pattern }]);
    }
  return index;
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

/** The outlet a known outlet is an edition or a title of ("ITV News Granada" → "ITV News"), or null. */
export function knownParent(name: string): string | null {
  return knownPublishers().find((p) => p.name === name)?.partOf ?? null;
}

/** The known outlet whose name or short name has these letters ("digitalhealth" → "Digital Health"), or null. */
export function knownByLetters(letters: string): string | null {
  const bare = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const want = bare(letters);
  if (want.length < 4) return null;
  return knownPublishers().find((p) => [p.name, ...p.aliases].some((l) => bare(l) === want))?.name ?? null;
}
