/**
 * The Teams app package (`npm run teams:package`): appPackage/manifest.json with the bot's app id
 * and the publisher's web address filled in, zipped with the two icons at the top level, as Teams
 * Admin Center and "Upload a custom app" expect. No botbuilder here.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { findPackageRoot } from "../../src/index.js";

/** The source folder (built code runs from dist/, the package files stay in adapters/). */
const APP_PACKAGE_DIR = join(findPackageRoot(import.meta.url), "adapters", "teams", "appPackage");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AppPackageInput {
  /** The bot's Microsoft App ID (the Azure Bot's app registration). */
  appId: string;
  /** Shown as the developer's website. */
  websiteUrl: string;
  /** The privacy statement and terms of use Teams links to (default: the website). */
  privacyUrl?: string;
  termsUrl?: string;
  /** Where manifest.json and the icons are (the source folder, not dist/). */
  dir?: string;
}

/** Expected problems as values: one line saying what to fix. */
export type AppPackageResult =
  | { ok: true; zip: Uint8Array; manifest: Record<string, unknown> }
  | { ok: false; field: "app-id" | "website" | "privacy" | "terms"; error: string };

export function buildAppPackage({
  appId,
  websiteUrl,
  privacyUrl = websiteUrl,
  termsUrl = websiteUrl,
  dir = APP_PACKAGE_DIR,
}: AppPackageInput): AppPackageResult {
  if (appId.trim() === "")
    return {
      ok: false,
      field: "app-id",
      error: "no app id given: pass --app-id with your Azure Bot's Microsoft App ID (or set MICROSOFT_APP_ID)",
    };
  if (!GUID.test(appId))
    return {
      ok: false,
      field: "app-id",
      error: `the app id must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${appId}"`,
    };
  const urls = { website: websiteUrl, privacy: privacyUrl, terms: termsUrl } as const;
  for (const [field, url] of Object.entries(urls) as [keyof typeof urls, string][])
    if (!/^https:\/\/[^\s"]+$/.test(url))
      return { ok: false, field, error: `the ${field} address must be an https:// address, not "${url}"` };
  const text = readFileSync(join(dir, "manifest.json"), "utf8")
    .replaceAll("{{MICROSOFT_APP_ID}}", appId)
    .replaceAll("{{WEBSITE_URL}}", websiteUrl)
    .replaceAll("{{PRIVACY_URL}}", privacyUrl)
    .replaceAll("{{TERMS_URL}}", termsUrl);
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const zip = zipSync({
    "manifest.json": new TextEncoder().encode(text),
    "color.png": readFileSync(join(dir, "color.png")),
    "outline.png": readFileSync(join(dir, "outline.png")),
  });
  return { ok: true, zip, manifest };
}
