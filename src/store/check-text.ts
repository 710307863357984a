import { StoreInputError } from "./store-errors.js";

/** In a `u` regex a surrogate pair is one code point, so only a lone surrogate is category Cs. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * Refuses text the backends cannot return verbatim: U+0000 (PostgreSQL's text type cannot hold it
 * and SQLite cuts the string there) and unpaired surrogates (UTF-8 has no encoding for them, so
 * they would come back as U+FFFD). Everything else, quotes and SQL included, is kept as given.
 * JSON columns need no check: JSON.stringify escapes both.
 */
export function checkText(field: string, value: string): string {
  if (typeof value !== "string") throw new StoreInputError(`${field} must be text`);
  if (value.includes("\u0000")) throw new StoreInputError(`${field} contains a NUL character, which cannot be stored`);
  if (UNPAIRED_SURROGATE.test(value))
    throw new StoreInputError(`${field} contains an unpaired surrogate, which cannot be stored`);
  return value;
}

/** The same for optional text. */
export function checkOptionalText(field: string, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : checkText(field, value);
}

/** A list size the caller asked for, within 1..max. */
export function checkLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1) throw new StoreInputError(`limit must be a whole number of at least 1`);
  return Math.min(limit, max);
}
