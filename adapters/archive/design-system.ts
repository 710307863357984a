/**
 * The NHS.UK design system as the archive pages use it, all from the installed `nhsuk-frontend`
 * package: its Nunjucks macros (header, footer, skip link, pagination…), its compiled CSS and its
 * images, served by the app. Nothing comes from a CDN: the CSS's @font-face rules point at
 * assets.nhs.uk (Frutiger is licensed, not in the package), so they are dropped and pages use the
 * design system's own fallback stack (Arial, sans-serif).
 */

import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";

/** The package's `dist` folder: macros are imported from it as "nhsuk/components/…/macro.njk". */
export const NHSUK_TEMPLATES = join(
  dirname(createRequire(import.meta.url).resolve("nhsuk-frontend/package.json")),
  "dist",
);

/** The CSS's own image urls are root-relative ("/assets/images/…"), so the assets live there too. */
export const ASSETS_PREFIX = "/assets/";

export interface Asset {
  body: Buffer;
  contentType: string;
}

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** Remote font faces would make every page fetch from another origin (and the CSP blocks them). */
const REMOTE_FONT_FACE = /@font-face\{[^}]*https?:\/\/[^}]*\}/g;

/**
 * Every asset by its path under /assets/, read once at start-up: a fixed list, so a request can
 * never name a file outside it (no path joining with request text).
 */
export function loadDesignSystemAssets(): ReadonlyMap<string, Asset> {
  const root = join(NHSUK_TEMPLATES, "nhsuk");
  const css = readFileSync(join(root, "nhsuk-frontend.min.css"), "utf8").replace(REMOTE_FONT_FACE, "");
  const assets = new Map<string, Asset>([
    ["nhsuk-frontend.min.css", { body: Buffer.from(css), contentType: TYPES[".css"] ?? "text/css" }],
  ]);
  const images = join(root, "assets", "images");
  for (const name of readdirSync(images)) {
    const contentType = TYPES[extname(name)];
    if (contentType) assets.set(`images/${name}`, { body: readFileSync(join(images, name)), contentType });
  }
  return assets;
}
