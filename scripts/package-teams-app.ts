/**
 * `npm run teams:package [-- --app-id GUID] [--website https://…] [--privacy https://…]
 * [--terms https://…] [--out file.zip]`: writes the Teams app package to sideload or upload to
 * Teams Admin Center. The app id defaults to MICROSOFT_APP_ID; the privacy and terms pages default
 * to the website.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildAppPackage } from "../adapters/teams/app-package.js";

const HINTS = {
  "app-id": "set MICROSOFT_APP_ID or pass --app-id",
  website: "pass --website with your organisation's https:// page",
  privacy: "pass --privacy with your privacy notice's https:// address",
  terms: "pass --terms with your terms of use's https:// address",
} as const;

const { values } = parseArgs({
  options: {
    "app-id": { type: "string" },
    website: { type: "string" },
    privacy: { type: "string" },
    terms: { type: "string" },
    out: { type: "string" },
  },
});
const appId = values["app-id"] ?? process.env.MICROSOFT_APP_ID ?? "";
const website = values.website ?? "https://github.com/nhsai/nhsai";
const out = resolve(values.out ?? "dist/nhsai-teams-app.zip");
const result = buildAppPackage({ appId, websiteUrl: website, privacyUrl: values.privacy, termsUrl: values.terms });
if (!result.ok) {
  process.stderr.write(`teams:package: ${result.error} (${HINTS[result.field]})\n`);
  process.exit(2);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, result.zip);
process.stdout.write(`teams:package: wrote ${out} for app ${appId}\n`);
const missing = (["website", "privacy", "terms"] as const).filter((flag) => !values[flag]);
if (missing.length > 0)
  process.stdout.write(
    `teams:package: before publishing, pass ${missing.map((flag) => `--${flag}`).join(", ")} with your organisation's pages (Teams shows them to every user)\n`,
  );
