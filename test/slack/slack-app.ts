/**
 * The real Slack platform as `nhsai serve` wires it, in this process: the embedded store in a
 * temp folder, BriefingService over the seed library, createSlackPlatform, and the one HTTP server
 * on 127.0.0.1. Only Slack itself (FakeSlack) is a double.
 */

import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createJsonLogger } from "../../adapters/cli/json-logger.js";
import type { ServedPlatform } from "../../adapters/http/served-platform.js";
import { createHttpServer } from "../../adapters/http/server.js";
import { createSlackPlatform } from "../../adapters/slack/slack-platform.js";
import { BriefingService } from "../../src/briefing-service.js";
import { loadConfig } from "../../src/config.js";
import type { Library } from "../../src/knowledge/library.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { seedLibrary } from "../helpers/factories.js";
import { type FakeSlack, startFakeSlack } from "./fake-slack.js";
import { SECRET } from "./slack-requests.js";

export interface RunningSlackApp {
  /** http://127.0.0.1:PORT/slack/events */
  url: string;
  base: string;
  store: Store;
  platform: ServedPlatform;
  dataDir: string;
  logs: () => string;
  /** Stops everything; the store's folder is removed unless `keepData` (a restart follows). */
  stop(keepData?: boolean): Promise<void>;
}

export interface SlackAppOptions {
  /** Keep the store between runs (a restart). */
  dataDir?: string;
  /** A BriefingService of the test's making (e.g. a slow one). */
  service?: (library: Library, store: Store) => BriefingService;
  fastReplyMs?: number;
  socketPingTimeoutMs?: number;
  outboundTimeoutMs?: number;
  env?: Record<string, string>;
}

const library = seedLibrary();

export async function startSlackApp(fake: FakeSlack, options: SlackAppOptions = {}): Promise<RunningSlackApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "nhsai-slack-"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const store = await openStore({ databaseUrl: undefined, dataDir }, new Date());
  const service = options.service?.(library, store) ?? new BriefingService(library, { store });
  let logs = "";
  const log = createJsonLogger((line) => {
    logs += line;
  }, "debug");
  const platform = await createSlackPlatform(
    { config, store, service, now: () => new Date(), log },
    {
      env: {},
      ...(options.fastReplyMs ? { fastReplyMs: options.fastReplyMs } : {}),
      ...(options.socketPingTimeoutMs ? { socketPingTimeoutMs: options.socketPingTimeoutMs } : {}),
      ...(options.outboundTimeoutMs ? { outboundTimeoutMs: options.outboundTimeoutMs } : {}),
    },
  );
  const server = createHttpServer({
    health: () => ({ status: "ok", platforms: ["slack"], documents: 0, store: {} as never }),
    routes: platform.routes,
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  try {
    await platform.start();
  } catch (error) {
    server.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: `${base}/slack/events`,
    base,
    store,
    platform,
    dataDir,
    logs: () => logs,
    stop: async (keepData = false) => {
      await platform.stop();
      server.closeAllConnections();
      server.close();
      await once(server, "close");
      await store.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fake Slack and the app on it for one test file: started before its tests, stopped after. */
export function useSlackApp(options: SlackAppOptions = {}): { fake: FakeSlack; app: RunningSlackApp } {
  const ctx = {} as { fake: FakeSlack; app: RunningSlackApp };
  beforeAll(async () => {
    ctx.fake = await startFakeSlack();
    ctx.app = await startSlackApp(ctx.fake, options);
  });
  afterAll(async () => {
    await ctx.app.stop();
    await ctx.fake.close();
  });
  return ctx;
}
