/**
 * `doctor` and `serve` read the platform variables by one rule (src/config.ts `platformsOf`): for
 * every combination of them, doctor finds a configuration problem exactly when serve would refuse
 * to start, and otherwise names the platforms serve creates. (Only SLACK_SIGNING_SECRET set used
 * to pass doctor, "no platform", while serve loaded Slack and stopped.)
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doctorCommand } from "../../adapters/cli/doctor-command.js";
import { createPlatforms } from "../../adapters/serve/platforms.js";
import { BriefingService } from "../../src/briefing-service.js";
import { ConfigError, loadConfig, platformsOf } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW, seedLibrary } from "../helpers/factories.js";

const VALUES = {
  SLACK_BOT_TOKEN: "xoxb-1-2-abcdef",
  SLACK_SIGNING_SECRET: "test-signing-secret-0123456789",
  SLACK_APP_TOKEN: "xapp-1-abcdef",
  MICROSOFT_APP_ID: "00000000-0000-4000-8000-000000000001",
  MICROSOFT_APP_PASSWORD: "client-secret",
  TEAMS_LOCAL: "1",
} as const;
const NAMES = Object.keys(VALUES) as (keyof typeof VALUES)[];

/** Every subset of the variables, as an environment. */
const COMBINATIONS = Array.from({ length: 2 ** NAMES.length }, (_, bits) =>
  Object.fromEntries(NAMES.filter((_, i) => bits & (1 << i)).map((name) => [name, VALUES[name]])),
);

let dataDir: string;
let store: Store;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "nhsai-config-agreement-"));
  store = await openEmbeddedStore({ dataDir, now: FIXED_NOW });
});
afterAll(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What serve does with `env`: the platforms it creates, or the ConfigError that stops it. */
async function serveVerdict(env: Record<string, string>): Promise<{ refused: string | null; platforms: string[] }> {
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const service = new BriefingService(seedLibrary(), { store });
  try {
    const platforms = await createPlatforms({ config, store, service, now: () => FIXED_NOW, log: silentLogger });
    return { refused: null, platforms: platforms.map((p) => p.name) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { refused: error.message, platforms: [] };
  }
}

/** What doctor says of `env`: its configuration problems, and the platforms it calls configured. */
async function doctorVerdict(env: Record<string, string>): Promise<{ problems: string[]; platforms: string[] }> {
  let out = "";
  const io = {
    stdout: (t: string) => (out += t),
    stderr: (t: string) => (out += t),
    env: { DATA_DIR: dataDir, ...env },
  };
  await doctorCommand([], io);
  const problems = out.split("\n").filter((line) => /PROBLEM\s+configuration:/.test(line));
  const configured = /configuration: valid; ((?:slack|teams)(?: and (?:slack|teams))?) configured/.exec(out)?.[1];
  return { problems, platforms: configured ? configured.split(" and ") : [] };
}

describe("doctor and serve agree on the platform variables", () => {
  it(`on all ${COMBINATIONS.length} combinations of ${NAMES.join(", ")}`, async () => {
    for (const env of COMBINATIONS) {
      const serve = await serveVerdict(env);
      const doctor = await doctorVerdict(env);
      const which = JSON.stringify(Object.keys(env));
      expect(
        doctor.problems.length > 0,
        `${which}: serve ${serve.refused ?? "starts"}, doctor ${doctor.problems}`,
      ).toBe(serve.refused !== null);
      if (!serve.refused) expect(doctor.platforms, which).toEqual(serve.platforms);
      expect(platformsOf(env), which).toEqual(platformsOf(loadConfig(env)));
    }
  }, 120_000);

  it("with only SLACK_SIGNING_SECRET set, both say Slack needs its bot token", async () => {
    const env = { SLACK_SIGNING_SECRET: VALUES.SLACK_SIGNING_SECRET };
    expect((await serveVerdict(env)).refused).toMatch(/SLACK_BOT_TOKEN/);
    expect((await doctorVerdict(env)).problems.join("\n")).toMatch(/SLACK_BOT_TOKEN/);
  });
});
