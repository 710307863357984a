/**
 * The configuration rules that need no validation, and every default: which chat platforms the
 * variables turn on, and where the store is. src/config.ts validates with these and re-exports
 * them (import them from there); this file imports nothing, so the commands that validate nothing
 * (`nhsai ask`, `nhsai` choosing between shell and serve) read the same rules without loading zod.
 */

/** Every default a variable has when unset or empty. */
export const DEFAULTS = {
  DATA_DIR: "./data",
  TZ_DEFAULT: "Europe/London",
  PORT: 3000,
  FEEDS_POLL_MINUTES: 15,
  LOG_LEVEL: "info",
} as const;

export type PlatformName = "slack" | "teams";

/** A platform's variables, as the environment gives them (strings) or as loadConfig reads them. */
export interface PlatformVariables {
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_SIGNING_SECRET?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
  MICROSOFT_APP_ID?: string | undefined;
  MICROSOFT_APP_PASSWORD?: string | undefined;
  MICROSOFT_APP_TENANT_ID?: string | undefined;
  MICROSOFT_APP_TYPE?: string | undefined;
  TEAMS_LOCAL?: boolean | string | undefined;
}

const SLACK_VARIABLES = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"] as const;
const TEAMS_VARIABLES = [
  "MICROSOFT_APP_ID",
  "MICROSOFT_APP_PASSWORD",
  "MICROSOFT_APP_TENANT_ID",
  "MICROSOFT_APP_TYPE",
] as const;

/**
 * The chat platforms the variables turn on. Any one of a platform's variables does: a platform
 * set up by half is then refused by name (by `serve` at start and by `doctor`) rather than left
 * silently off. The one rule `doctor`, `serve`, `run-due` and `nhsai` with no command all use.
 */
export function platformsOf(variables: PlatformVariables): PlatformName[] {
  const set = (value: string | undefined) => Boolean(value?.trim());
  const platforms: PlatformName[] = [];
  if (SLACK_VARIABLES.some((name) => set(variables[name]))) platforms.push("slack");
  const local = variables.TEAMS_LOCAL === true || variables.TEAMS_LOCAL === "1";
  if (local || TEAMS_VARIABLES.some((name) => set(variables[name]))) platforms.push("teams");
  return platforms;
}

/** Where the store is: PostgreSQL when DATABASE_URL is set, else the embedded store under DATA_DIR. */
export interface StoreLocation {
  databaseUrl?: string;
  dataDir: string;
}

export function storeLocation(variables: {
  DATABASE_URL?: string | undefined;
  DATA_DIR?: string | undefined;
}): StoreLocation {
  const databaseUrl = variables.DATABASE_URL?.trim();
  const dataDir = variables.DATA_DIR?.trim() || DEFAULTS.DATA_DIR;
  return databaseUrl ? { databaseUrl, dataDir } : { dataDir };
}
