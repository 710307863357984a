import { type Config, ConfigError, loadConfig } from "../../src/config.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { StoreUnavailableError, StoreVersionError } from "../../src/store/store-errors.js";
import type { CliIo } from "./run-cli.js";

/**
 * The configuration and the store, opened as `serve` opens them; on a bad variable or an
 * unreachable or newer store, says so in one line on stderr and returns null (exit 1).
 */
export async function openConfiguredStore(name: string, io: CliIo): Promise<{ config: Config; store: Store } | null> {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`nhsai ${name}: ${error.message}\n`);
    return null;
  }
  try {
    const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }, new Date());
    return { config, store };
  } catch (error) {
    if (!(error instanceof StoreVersionError || error instanceof StoreUnavailableError)) throw error;
    io.stderr(`nhsai ${name}: ${error.message}\n`);
    return null;
  }
}
