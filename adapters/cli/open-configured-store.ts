import {
  type Config,
  ConfigError,
  loadConfig,
  openStore,
  type Store,
  StoreUnavailableError,
  StoreVersionError,
  storeLocation,
} from "../../src/index.js";
import type { CliIo } from "./cli-io.js";

/**
 * The configuration and the store, opened as `serve` opens them; on a bad variable or an
 * unreachable or newer store, says so in one line on stderr and returns null (exit 1).
 */
export async function openConfiguredStore(name: string, io: CliIo): Promise<{ config: Config; store: Store } | null> {
  const config = configuredFor(name, io);
  if (!config) return null;
  const store = await openStoreFor(name, config, io);
  return store ? { config, store } : null;
}

/** The validated configuration (`overrides`, e.g. serve's --port, win over the environment), or null once said why not. */
export function configuredFor(name: string, io: CliIo, overrides: Record<string, string> = {}): Config | null {
  try {
    return loadConfig({ ...io.env, ...overrides });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`nhsai ${name}: ${error.message}\n`);
    return null;
  }
}

/** The store `config` names, created or migrated; null once said why it cannot be opened. */
export async function openStoreFor(name: string, config: Config, io: CliIo): Promise<Store | null> {
  try {
    return await openStore(storeLocation(config), new Date());
  } catch (error) {
    if (!(error instanceof StoreVersionError || error instanceof StoreUnavailableError)) throw error;
    io.stderr(`nhsai ${name}: ${error.message}\n`);
    return null;
  }
}
