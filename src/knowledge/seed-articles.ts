/**
 * Building the seed library: `seeds/catalogue.json` (what each capture's page supports about the
 * article) plus the raw captures, cleaned into `seeds/articles/<id>.json`. The catalogue is edited
 * by hand, so it is validated with zod here, at build time; the articles it produces are checked
 * against `documentSchema` by the tests.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { lazySchema } from "../load-lazily.js";
import { cleanCapture } from "./clean-capture.js";
import type { Document } from "./document.js";

/** The catalogue entry and document schemas, built (and zod loaded) on first use: see load-lazily.ts. */
const schemas = lazySchema((z) => {
  const publishedDate = z.object({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    precision: z.enum(["day", "month", "year"]),
  });

  const catalogueEntry = z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    source: z.string(),
    title: z.string().min(1),
    titleEditorial: z.boolean(),
    publisher: z.string().nullable(),
    organisation: z.string().nullable(),
    authors: z.array(z.string()),
    published: publishedDate.nullable(),
    dateNote: z.string().nullable(),
    url: z.string().url().nullable(),
  });

  const document = catalogueEntry.omit({ source: true }).extend({
    paragraphs: z
      .array(z.object({ text: z.string().min(1), heading: z.boolean(), list: z.boolean().optional() }))
      .min(1),
    addedAt: z.string().datetime(),
    appearances: z
      .array(
        z.object({
          publisher: z.string().nullable(),
          url: z.string().url().nullable(),
          published: publishedDate.nullable(),
          addedAt: z.string().datetime(),
        }),
      )
      .optional(),
  });
  return { catalogueEntry, document };
});

/** A hand-edited catalogue entry, checked. */
const catalogueEntrySchema = () => schemas().catalogueEntry;

/** A Document as stored: what the seeds and every ingested article are checked against. */
export const documentSchema = () => schemas().document;

export type CatalogueEntry = z.infer<ReturnType<typeof catalogueEntrySchema>>;

/** Builds one seed article from its catalogue entry and raw capture. */
export function buildSeedArticle(entry: CatalogueEntry, raw: string, addedAt: string): Document {
  const names = [entry.publisher, entry.organisation].filter((n): n is string => Boolean(n));
  const { paragraphs } = cleanCapture(raw, { title: entry.title, publisherNames: names });
  const { source: _source, ...meta } = entry;
  return { ...meta, paragraphs, addedAt };
}

/** Reads the catalogue in `seedsDir`. */
export function readCatalogue(seedsDir: string): CatalogueEntry[] {
  const json: unknown = JSON.parse(readFileSync(join(seedsDir, "catalogue.json"), "utf8"));
  return catalogueEntrySchema().array().parse(json);
}
