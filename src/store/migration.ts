/** Versioned migrations: each backend lists the same versions, with the SQL in its own dialect. */

import { StoreVersionError } from "./store-errors.js";

export interface Migration {
  version: number;
  /** The same name on both backends, so a test can hold them to the same list. */
  name: string;
  sql: string;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** The migrations still to apply over `current`; throws when the database is newer than the code. */
export function pendingMigrations(current: number, migrations: readonly Migration[], where: string): Migration[] {
  const latest = latestVersion(migrations);
  if (current > latest) throw new StoreVersionError(current, latest, where);
  return migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
}
