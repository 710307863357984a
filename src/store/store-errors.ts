/** The store's coded failures. Each message is one line in plain words, naming what to fix. */

/** The database was migrated by a newer nhsai than this one: start-up must stop. */
export class StoreVersionError extends Error {
  override name = "StoreVersionError";
  readonly code = "newer_schema";
  constructor(
    readonly found: number,
    readonly known: number,
    where: string,
  ) {
    super(
      `the store at ${where} is at schema version ${found}, but this nhsai knows versions up to ${known}: ` +
        "upgrade nhsai, or point DATABASE_URL or DATA_DIR at another store",
    );
  }
}

/** The store cannot be opened or reached (no server, no permission, not a database). */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
  readonly code = "unavailable";
}

/** A value the store refuses to keep, because it could not give it back exactly as given. */
export class StoreInputError extends Error {
  override name = "StoreInputError";
  readonly code = "bad_input";
}
