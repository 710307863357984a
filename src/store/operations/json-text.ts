import { StoreInputError } from "../store-errors.js";

/** JSON as text: kept byte for byte (key order too), where jsonb would normalise it. */
export function toJsonText(field: string, value: unknown): string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new StoreInputError(`${field} must be a JSON object`);
  }
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new StoreInputError(`${field} cannot be written as JSON: ${(error as Error).message}`);
  }
}
