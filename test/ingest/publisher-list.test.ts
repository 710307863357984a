/**
 * The known-publisher list (seeds/publishers.json) is data the reader trusts: it must be well
 * formed, and a bigger list must not make the reader credit a page to an organisation the page only
 * mentions. The captures here are written for these tests, in the shape real pages have.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { knownLabelIn, knownName, knownPublisherForHost, publisherInCopyright } from "../../src/ingest/publishers.js";
import { readTextCapture } from "../../src/ingest/read-text.js";
import { ROOT } from "../helpers/factories.js";

interface Entry {
  name: string;
  hosts: string[];
  aliases: string[];
  hostOnly?: boolean;
  partOf?: string;
}

const list = JSON.parse(readFileSync(join(ROOT, "seeds", "publishers.json"), "utf8")) as Entry[];
/** How the reader compares names: case and the apostrophe's form do not matter. */
const fold = (name: string) => name.toLowerCase().replace(/’/g, "'");
/** A bare lower-case hostname, perhaps with a folder for an outlet published under a larger site ("itv.com/news/granada"). */
const BARE_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[a-z0-9-]+)*$/;

function repeated(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => seen.has(v) || !seen.add(v));
}

describe("the known-publisher list", () => {
  it("has a name, hosts and aliases on every entry, and nothing else but an optional hostOnly flag and parent", () => {
    const names = new Set(list.map((e) => e.name));
    for (const entry of list) {
      expect(entry.name.trim(), JSON.stringify(entry)).not.toBe("");
      expect(Array.isArray(entry.hosts) && Array.isArray(entry.aliases), entry.name).toBe(true);
      expect(Object.keys(entry).filter((k) => !["name", "hosts", "aliases", "hostOnly", "partOf"].includes(k))).toEqual(
        [],
      );
      if ("hostOnly" in entry) expect(entry.hostOnly, entry.name).toBe(true);
      // An edition names its parent as the list names it, and is not its own parent.
      if ("partOf" in entry)
        expect(names.has(entry.partOf as string) && entry.partOf !== entry.name, entry.name).toBe(true);
    }
  });

  it("names each organisation once, and no name or alias stands for two entries", () => {
    expect(repeated(list.map((e) => fold(e.name)))).toEqual([]);
    expect(repeated(list.flatMap((e) => [...new Set([e.name, ...e.aliases].map(fold))]))).toEqual([]);
  });

  it("gives each host to one entry, as a bare lower-case hostname", () => {
    const hosts = list.flatMap((e) => e.hosts);
    expect(hosts.filter((h) => !BARE_HOST.test(h) || h.startsWith("www."))).toEqual([]);
    expect(repeated(hosts)).toEqual([]);
  });

  it("knows every NHS trust and integrated care board in England by its address", () => {
    const trusts = list.filter(
      (e) => /NHS (Foundation )?Trust$/.test(e.name) && e.hosts.some((h) => h.endsWith(".nhs.uk")),
    );
    expect(trusts.length).toBeGreaterThanOrEqual(200);
    expect(list.filter((e) => /^NHS .+ ICB$/.test(e.name) && e.hosts.length > 0)).toHaveLength(42);
    expect(knownPublisherForHost("www.leedsth.nhs.uk")).toBe("Leeds Teaching Hospitals NHS Trust");
    expect(knownPublisherForHost("www.kentandmedway.icb.nhs.uk")).toBe("NHS Kent and Medway ICB");
  });

  it("keeps a name that is an ordinary word known by host and in a copyright line", () => {
    expect(knownPublisherForHost("www.mind.org.uk")).toBe("Mind");
    expect(publisherInCopyright("© 2025 Which? Ltd. All rights reserved.")).toBe("Which?");
    expect(knownName("UCLH")).toBe("University College London Hospitals NHS Foundation Trust");
  });
});

/** A body long enough to be an article, about `subject`. */
function body(subject: string): string[] {
  return [
    `${subject} has moved its histopathology laboratories to digital slides, so consultants can now report on cases from any site and share difficult ones with colleagues in minutes rather than days.`,
    "Clinicians said the change had cut the time patients wait for a diagnosis, and that the scanned slides also make teaching and second opinions easier to arrange across the region.",
    "The programme will next connect the laboratories to the regional imaging network, so that pathology and radiology results for the same patient can be reviewed side by side at cancer meetings.",
  ];
}

const TRUST = "Leeds Teaching Hospitals NHS Trust";

describe("crediting a page with the list", () => {
  it("credits a trust's own page, its name in the footer, to the trust", () => {
    const page = [
      "Skip to main content",
      "News",
      "Digital pathology cuts waiting times for cancer results",
      "Published 12 March 2025",
      ...body("The trust"),
      "Contact us",
      "Accessibility statement",
      TRUST,
    ].join("\n");
    const fromSite = readTextCapture(page, { url: "https://www.leedsth.nhs.uk/news/digital-pathology-results/" });
    expect(fromSite.ok && fromSite.value.publisher).toBe(TRUST);
    const copied = readTextCapture(page.replace(`\n${TRUST}`, `\n© 2025 ${TRUST}`));
    expect(copied.ok && copied.value.publisher).toBe(TRUST);
  });

  it("does not credit a supplier's case study to the trust it quotes", () => {
    const page = [
      "Case studies",
      "How automated validation shortened a waiting list",
      ...body("A large teaching trust"),
      "Jane Roe, Head of Performance",
      TRUST,
      "Book a demo",
    ].join("\n");
    const read = readTextCapture(page, { url: "https://www.flowvalidate.co.uk/case-studies/waiting-list/" });
    expect(read.ok).toBe(true);
    expect(read.ok && read.value.publisher).not.toBe(TRUST);
  });

  it("does not credit an article to an outlet or charity its text mentions", () => {
    const page = [
      "Carers' Digital Network",
      "Digital pathology arrives in the north",
      "By Sam Lee",
      ...body("A hospital trust in the north of England"),
      "Speaking to BBC News, the trust's medical director said the next step was to bring in AI tools that flag the most urgent slides.",
      "Related articles",
      "Mind the digital gap",
      "Which? tests symptom checkers",
    ].join("\n");
    const read = readTextCapture(page, { url: "https://www.carersdigitalnetwork.org.uk/blog/digital-pathology/" });
    expect(read.ok).toBe(true);
    const publisher = read.ok ? read.value.publisher : null;
    expect(["BBC News", "Mind", "Which?"]).not.toContain(publisher);
    // The same page on the charity's own site is the charity's.
    const own = readTextCapture(page, { url: "https://www.mind.org.uk/news/digital-pathology/" });
    expect(own.ok && own.value.publisher).toBe("Mind");
  });
});

it("finds in a page's lines the outlet a label-by-label scan of the list finds first", () => {
  // The reader spares itself most of the ~2,000 patterns per line; which outlet a line names must
  // not change: the first label in the list's order named as a whole word, case as written.
  const labels = list.filter((e) => !e.hostOnly).flatMap((e) => [e.name, ...e.aliases].map((label) => [e.name, label]));
  const letter = /\p{L}/u;
  const wholeWord = (line: string, label: string) => {
    for (let at = line.indexOf(label); at >= 0; at = line.indexOf(label, at + 1)) {
      const before = line[at - 1];
      const after = line[at + label.length];
      if ((!before || !letter.test(before)) && (!after || !letter.test(after))) return true;
    }
    return false;
  };
  const scan = (line: string) => labels.find(([, label]) => wholeWord(line, label as string)) ?? null;
  const dir = join(ROOT, "test", "fixtures", "corpus", "captures");
  const lines = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .slice(0, 40)
    .flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n").slice(0, 30));
  lines.push("BBC News and the Health Service Journal both ran it", "the bbc ran it", "NHS Englandish", "(HSJ)");
  const found = lines.map((line) => knownLabelIn(line));
  expect(found.filter(Boolean).length).toBeGreaterThan(20);
  expect(found.map((f) => f && [f.name, f.label])).toEqual(lines.map(scan));
});
