import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildAppPackage } from "../../adapters/teams/app-package.js";
import { ROOT } from "../helpers/factories.js";

const APP_ID = "0b5e7a1c-2d3e-4f50-8a6b-7c8d9e0f1a2b";

function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
}

describe("the Teams app package", () => {
  it("zips a filled-in manifest and both icons at the top level", () => {
    const result = buildAppPackage({ appId: APP_ID, websiteUrl: "https://digital.example.nhs.uk/nhsai" });
    if (!result.ok) throw new Error(result.error);
    const files = unzipSync(result.zip);
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.$schema).toMatch(/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/);
    expect(manifest.manifestVersion).toBe(manifest.$schema.match(/v(1\.\d+)/)[1]);
    const bot = manifest.bots[0];
    expect(bot.botId).toBe(APP_ID);
    expect(bot.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(bot.commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      "funding",
      "digest",
      "topics",
      "help",
    ]);
    expect(JSON.stringify(manifest)).not.toContain("{{");
    expect(pngSize(files["color.png"] as Uint8Array)).toEqual([192, 192]);
    expect(pngSize(files["outline.png"] as Uint8Array)).toEqual([32, 32]);
  });

  it("refuses an app id that is not a GUID", () => {
    const result = buildAppPackage({ appId: "my-bot", websiteUrl: "https://example.org" });
    expect(result).toEqual({ ok: false, field: "app-id", error: expect.stringMatching(/must be a GUID/) });
  });

  it("links Teams to the privacy and terms pages given, or to the website when none are", () => {
    const given = buildAppPackage({
      appId: APP_ID,
      websiteUrl: "https://digital.example.nhs.uk/nhsai",
      privacyUrl: "https://digital.example.nhs.uk/privacy",
      termsUrl: "https://digital.example.nhs.uk/terms",
    });
    if (!given.ok) throw new Error(given.error);
    expect(given.manifest.developer).toMatchObject({
      websiteUrl: "https://digital.example.nhs.uk/nhsai",
      privacyUrl: "https://digital.example.nhs.uk/privacy",
      termsOfUseUrl: "https://digital.example.nhs.uk/terms",
    });
    const defaulted = buildAppPackage({ appId: APP_ID, websiteUrl: "https://digital.example.nhs.uk/nhsai" });
    if (!defaulted.ok) throw new Error(defaulted.error);
    expect(defaulted.manifest.developer).toMatchObject({ privacyUrl: "https://digital.example.nhs.uk/nhsai" });
  });

  it("npm run teams:package writes the zip (built script)", () => {
    const dir = mkdtempSync(join(tmpdir(), "nhsai-pkg-"));
    try {
      const out = join(dir, "app.zip");
      const run = spawnSync(
        process.execPath,
        [join(ROOT, "dist/scripts/package-teams-app.js"), "--app-id", APP_ID, "--out", out],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/pass --website, --privacy, --terms/);
      expect(Object.keys(unzipSync(readFileSync(out)))).toContain("manifest.json");
      const bad = spawnSync(process.execPath, [join(ROOT, "dist/scripts/package-teams-app.js"), "--app-id", "nope"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { PATH: process.env.PATH },
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/GUID/);
      const badWebsite = spawnSync(
        process.execPath,
        [join(ROOT, "dist/scripts/package-teams-app.js"), "--app-id", APP_ID, "--website", "http://plain.example"],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(badWebsite.status).toBe(2);
      expect(badWebsite.stderr).toMatch(/website address must be an https:\/\/ address.*pass --website/);
      expect(badWebsite.stderr).not.toMatch(/--app-id/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
