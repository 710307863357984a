/**
 * `npm run teams:package [-- --app-id GUID] [--website https://…] [--out file.zip]`: writes the
 * Teams app package to sideload or upload to Teams Admin Center. The app id defaults to
 * MICROSOFT_APP_ID.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildAppPackage } from "../adapters/teams/app-package.js";

const { values } = parseArgs({
  options: {
    "app-id": { type: "string" },
    website: { type: "string" },
    out: { type: "string" },
  },
});
const appId = values["app-id"] ?? process.env.MICROSOFT_APP_ID ?? "";
const website = values.website ?? "https://github.com/nhsai/nhsai";
const out = resolve(values.out ?? "dist/nhsai-teams-app.zip");
const result = buildAppPackage({ appId, websiteUrl: website });
if (!result.ok) {
  process.stderr.write(`teams:package: ${result.error} (set MICROSOFT_APP_ID or pass --app-id)\n`);
  process.exit(2);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, result.zip);
process.stdout.write(`teams:package: wrote ${out} for app ${appId}\n`);
if (!values.website)
  process.stdout.write("teams:package: pass --website with your organisation's page before publishing\n");
