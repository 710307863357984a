/**
 * The reader's rules for who wrote a piece, who published it and what its headline is, each held
 * by real published pages captured with their chrome (test/fixtures/corpus/captures/, truth in
 * articles-*.json; s-* are the check pages the floor scores only for invented names). Every case
 * is a form the reader missed before the rule existed; the negative cases are pages where a rule
 * must not fire.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writersOfOpening } from "../../src/ingest/capture-authors.js";
import { readHtmlPage } from "../../src/ingest/read-html.js";
import { readTextCapture } from "../../src/ingest/read-text.js";
import { siteNameForHost } from "../../src/ingest/site-name.js";
import { nameLikeness } from "../../src/knowledge/bylines.js";
import { CORPUS, RECORDS, readCapture } from "./corpus-captures.js";

const read = readCapture;

describe("who wrote it", () => {
  it.each([
    ["r-pulse-caredata-editorial.txt", "…, writes Pulse editor X (a role before the name)"],
    ["r-waystowellness-nhs-app.txt", "…, writes our Head of Digital Systems X - “…”"],
    ["r-bmj-blogs-data-grab.txt", "…, say A and B (names closing the standfirst)"],
    ["r-healthbusiness-apps-library.txt", "X, role of NHS.uk, writes exclusively for …"],
    ["r-focusondisability-nhs-app.txt", "X writing at Y: …"],
    ["r-nhsproviders-epr-never-ending.txt", "In this blog, A, the …, and B, the …, share …"],
    ["r-pulse-primary-care-ai.txt", "…, A and B look at …"],
    ["r-hin-avt-roundtable.txt", "a role, then X reflects on … (no headline in the capture)"],
    ["r-aibusinesshelp-neural-nets.txt", "Author: x y - with …, typed in lower case"],
    ["r-medium-ics-digital.txt", "a bare name beside '4 min readDec 10, 2020'"],
    ["r-aimc-ai-lab-evaluation.txt", "an Authors list, bulleted, each name over its affiliation"],
    ["r-cio-nhsx-merger.txt", "a lower-case 'by X' above the headline"],
    ["c-chelwest-rpa-diginomica.txt", "'Profile picture for user x By X June 21, 2019' (a byline inside a line)"],
    ["c-epic-rde-download-hsj.txt", "'… This week by senior correspondent X.'"],
    ["c-national-data-opt-out-croneri.txt", "'In this feature, X explains …'"],
    ["d-nuffield-digital-exclusion.txt", "'X of Y argues that …'"],
    ["d-hin-digital-inclusion.txt", "'…. X, role in our team, talks about …' after a sentence"],
    ["d-ardengem-ai-lab-lessons.txt", "'By A, Professor …, University …, and B, Director …, CSU'"],
    ["d-nhsproviders-digital-boards-blog.txt", "name lines over role lines, two writers"],
    ["d-c2ai-waiting-lists-opinion.txt", "'C2-Ai Opinion Article by Dr X, paediatrician, …'"],
    ["r-hospitaltimes-digital-therapeutics.txt", "'Outlet Deputy Editor, X, spoke to Dr Y …' (the interviewer)"],
    ["r-pulse-cpd-digital-mental-health.txt", "'GP mental health lead Dr X explains …' (title kept)"],
    ["r-nhsx-ambulance-connectivity.txt", "'X is the Chief Executive at …' under the headline"],
    ["r-microtest-digital-ambulance.txt", "'X, M.D.' above the headline"],
    ["d-nuffield-topol-blog.txt", "'X admires the ambition of …, but argues' opening the standfirst"],
    ["s-dkv-health-ai-startups.txt", "a bulleted name over a bulleted date, a name the list does not know"],
  ])("%s: %s", (file) => {
    const { value, truth } = read(file);
    expect(value.authors).toEqual(truth.authors);
  });

  it.each([
    ["r-icj-ai-lab-evaluation.txt", "a 'By' with no name after it"],
    ["r-healthrecovery-900m-framework.txt", "a template's 'By [Your Name/Journalism Desk]'"],
    [
      "r-oneadvanced-gp-contract-demand.txt",
      "'by Health and Care' (a team) and 'Common Approaches and Their Limitations'",
    ],
    ["r-healthspaces-digital-nhs.txt", "'A and B talk to Fortis' (interviewees, not writers)"],
    ["r-cw-nhse-three-it-leaders.txt", "people named in a news story"],
  ])("%s: nobody is invented from %s", (file) => {
    expect(read(file).value.authors).toEqual([]);
  });

  it.each([
    ["c-trusts-ai-adoption-analyticsinsight.txt", "More Than Half"],
    ["c-paht-ai-automation-computing.txt", "Princess Alexandra"],
    ["d-commons-digital-transformation-report.txt", "Eighth Report"],
  ])("%s: '%s' is no person", (file, phrase) => {
    expect(read(file).value.authors).not.toContain(phrase);
  });

  it("takes an author list and its affiliations out of the quotable body", () => {
    const { body } = read("r-aimc-ai-lab-evaluation.txt");
    expect(body).not.toContain("Kathrin Cresswell");
    expect(body).not.toContain("Usher Institute of Population Health Sciences");
    expect(body).toContain("We conducted a mixed-methods evaluation of the AI Lab");
  });
});

describe("who published it", () => {
  it.each([
    ["r-waystowellness-nhs-app.txt", "Ways to Wellness", "the domain's words as the capture writes them"],
    ["r-which-data-sharing-opinion.txt", "Which?", "the domain's one word as the capture writes it, mark included"],
    ["r-easterneye-36m-ai.txt", "Eastern Eye", "the domain split into English words"],
    ["r-cio-nhsx-merger.txt", "CIO", "a short label that is no word: initials"],
    ["r-digime-gp-records.txt", "digi.me", "tags opening the capture are no masthead"],
    ["r-cw-cio-interview-wilkinson.txt", "Computer Weekly", "a headline naming an outlet is no footer"],
  ])("%s → %s (%s)", (file, publisher) => {
    expect(read(file).value.publisher).toBe(publisher);
  });

  it.each([
    [
      "d-nhsproviders-digital-boards-blog.txt",
      "NHS Providers",
      "a writer's organisation under the headline is no footer",
    ],
    ["d-hncompany-virtual-wards.txt", "HN Company", "a short hyphenated part of the domain is initials"],
    [
      "r-oag-npic-5m-pathology.txt",
      "Open Access Government",
      "an image's '©photographer | iStock' is no copyright line",
    ],
    ["r-yas-epr-revolution.txt", "Yorkshire Ambulance Service NHS Trust", "a known NHS trust by its address"],
    [
      "c-morecambe-bay-annalise-rosemere.txt",
      "Rosemere Cancer Foundation",
      "the domain's name written out to its organisation word",
    ],
  ])("%s → %s (%s)", (file, publisher) => {
    expect(read(file).value.publisher).toBe(publisher);
  });

  it("takes no outlet from the body's lead-in line at the end of a short capture", () => {
    // "The ICO investigation found:" closes the capture of a law site's piece.
    expect(read("d-localgovlawyer-tavistock-fine.txt").value.publisher).not.toBe("Information Commissioner's Office");
  });

  it("takes no outlet from a line where the outlet owns something (the story's subject)", () => {
    // "NHS England’s position (June 2025 notification)" above an LMC's guidance.
    expect(read("a-ambient-scribes-lmc.txt").value.publisher).not.toBe("NHS England");
  });

  it("splits a domain only into real words, and leaves what it cannot split", () => {
    expect(siteNameForHost("healthrecoverysupport.com")).toBe("Health Recovery Support");
    expect(siteNameForHost("focusondisability.co.uk")).toBe("Focus on Disability");
    expect(siteNameForHost("aimedicalcompendium.com")).toBe("AI Medical Compendium");
    expect(siteNameForHost("blog.digi.me")).toBeNull(); // "di gi" is no name
    expect(siteNameForHost("bevanbrittan.com")).toBeNull(); // nor "be van brit tan"
    expect(siteNameForHost("yesilscience.com")).toBeNull();
    expect(siteNameForHost("usher.ed.ac.uk")).toBeNull(); // "ed" is a word, not initials
  });
});

describe("the headline and the date", () => {
  it.each([
    ["r-lbc-nhs-ai-transform.txt", "a labelled date run into the headline's line"],
    ["r-healthrecovery-900m-framework.txt", "a headline of 16 words asking a question"],
    ["r-digime-gp-records.txt", "a line of tags above it"],
    ["r-aimc-ai-lab-evaluation.txt", "a paper's title closing in a full stop"],
    ["r-bjhc-will-smart-blog.txt", "a 'Name, role, outlet' credit under it"],
    ["r-oneadvanced-gp-contract-demand.txt", "a standfirst under it"],
    ["r-nhe-moving-the-dial.txt", "a picture's alt text above it"],
    ["d-nhsproviders-digital-boards-blog.txt", "the writers' role lines under it"],
    ["c-paht-ai-automation-computing.txt", "a longer standfirst under it that repeats the body more"],
    ["c-digital-it-frameworks-nhse.txt", "a four-word headline over a standfirst"],
    ["b-govcomputing-kings-fund-digital-funding.txt", "a breadcrumb above it ('Public Services > Healthcare')"],
    ["r-htn-bhrut-epr-delay.txt", "a line of section tags above it ('News, NHS trust')"],
    ["s-bmj-ccio-editorial.txt", "numbered affiliations under it ('1. NHS England, London, UK')"],
    ["s-healthawareness-ai-vision.txt", "only a writer's name and role line above the body (no headline)"],
  ])("%s: the headline despite %s", (file) => {
    const { value, truth } = read(file);
    expect(value.title).toBe(truth.headline);
  });

  it("reads a date glued to the reading time, the labelled date on the headline's line, and no date from a story's sentence", () => {
    expect(read("r-medium-ics-digital.txt").value.published?.value).toBe("2020-12-10");
    expect(read("r-lbc-nhs-ai-transform.txt").value.published?.value).toBe("2025-08-21");
    // "Published on 11 May 2026, this eight-year framework …" dates the framework, not the page.
    expect(read("r-healthrecovery-900m-framework.txt").value.published).toBeNull();
  });

  it.each([
    ["c-nhs-app-messages-leaderlive.txt", "'Leader Live07-06-2025' (day first, hyphens, glued to the outlet)"],
    ["d-ukauthority-ada-foundation-models.txt", "'23/10/23' (a two-figure year)"],
    ["d-bevanbrittan-ai-airlock.txt", "'17/01/2025' on the line right on top of the headline"],
    ["r-yesilscience-ambient-funding.txt", "'Research - July 5, 2026' as the headline's kicker"],
    ["r-huffpost-digital-therapies.txt", "'11/04/2016 13:20 BST | Updated 12/04/2017' on top of the headline"],
  ])("%s: the date from %s", (file) => {
    const { value, truth } = read(file);
    expect(value.published?.value).toBe(truth.published);
  });

  it("takes no headline from a browser notice", () => {
    // "Unfortunately, your browser is too old to work on this website. Please upgrade your browser"
    expect(read("d-healthfoundation-switched-on.txt").value.title ?? "").not.toMatch(/browser/);
  });
});

describe("an HTML page with no byline falls back to the same rules", () => {
  /** The page a capture was copied from, rebuilt: its first line the headline, the rest paragraphs. */
  function pageOf(file: string): string {
    const [headline, ...rest] = readFileSync(join(CORPUS, "captures", file), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const asHtml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    return `<!doctype html><html><head><title>${asHtml(headline ?? "")}</title></head><body><article><h1>${asHtml(
      headline ?? "",
    )}</h1>${rest.map((l) => `<p>${asHtml(l)}</p>`).join("")}</article></body></html>`;
  }

  it.each([
    ["r-bmj-blogs-data-grab.txt", "…, say A and B"],
    ["r-waystowellness-nhs-app.txt", "…, writes our Head of Digital Systems X"],
    ["s-prweek-anti-data.txt", "…, argues X (the scored finder)"],
  ])("%s: the writers from the standfirst (%s), the site's name from the page's words", (file) => {
    const record = RECORDS.get(file);
    const result = readHtmlPage(pageOf(file), record?.url ?? null);
    if (!result.ok) throw new Error(result.reason);
    expect(result.value.authors).toEqual(record?.truth.authors);
    expect(result.value.publisher).toBe(record?.truth.publisher);
  });
});

describe("a writer is a likely name with a byline cue", () => {
  it.each([
    ["s-belfasttelegraph-online-doctor.txt", "'…? X looks at the pros and cons' in the standfirst"],
    ["s-prweek-anti-data.txt", "'…, argues X' closing a line"],
    ["s-ethicalhealthcare-nhs-cio.txt", "'Our Partnerships Director, X, sets out …'"],
    ["s-healthawareness-ai-vision.txt", "a name line over a role line, opening the capture"],
    ["s-bmjleader-going-digital.txt", "a numbered name over its affiliation, and 'Correspondence to Dr X'"],
    [
      "s-bmj-online-consulting.txt",
      "a journal's numbered names with roles; 'M X' in the correspondence line is no extra writer",
    ],
  ])("%s: %s", (file) => {
    const { value, truth } = read(file);
    expect(value.authors).toEqual(truth.authors);
  });

  it("takes the credit lines out of the quotable body", () => {
    const { body } = read("s-healthawareness-ai-vision.txt");
    expect(body).not.toMatch(/^Andrew Davies$/m);
  });

  it("scores names the list knows above phrases it does not", () => {
    expect(nameLikeness("Lisa Salmon")).toBe(2);
    expect(nameLikeness("Dr Sam Barclay")).toBe(2);
    expect(nameLikeness("Transformation Directorate")).toBe(0);
    expect(nameLikeness("Referral Management")).toBe(0);
    expect(nameLikeness("NHS England")).toBe(0);
  });

  it("never takes a name with no cue, nor anyone a line quotes", () => {
    expect(writersOfOpening(["Lisa Salmon"])).toEqual([]);
    expect(writersOfOpening(["“It works,” says Paul Jones, chief digital officer at Leeds."])).toEqual([]);
    expect(writersOfOpening(["Paul Jones said the roll-out would finish in May."])).toEqual([]);
    expect(writersOfOpening(["New system goes live, by Jane Smith"])).toEqual([]);
    expect(writersOfOpening(["New system goes live. By Jane Smith"])).toEqual(["Jane Smith"]);
  });
});

describe("the byline forms pages show, under a real capture's headline", () => {
  // A real capture with its own credit line replaced by each form (the page's text is unchanged).
  const page = readFileSync(join(CORPUS, "captures", "r-htn-bhrut-epr-delay.txt"), "utf8");
  const headline = "Barking, Havering and Redbridge moves EPR launch to November";
  const withCredit = (...credit: string[]) => {
    const read = readTextCapture(page.replace(headline, [headline, ...credit].join("\n\n")), { url: null });
    if (!read.ok) throw new Error(read.reason);
    return read.value;
  };

  it.each([
    ["12 March 2024 by Jane Doe"],
    ["Posted on 12 March 2024 by Jane Doe"],
    ["Jane Doe | 12 March 2024"],
    ["Jane Doe · 4 min read"],
    ["Written by: Jane Doe"],
    ["Jane Doe, Senior Reporter"],
    ["BY JANE DOE"],
  ])("'%s'", (credit) => {
    const read = withCredit(credit);
    expect(read.authors).toEqual(["Jane Doe"]);
    expect(read.title).toBe(headline);
    expect(read.paragraphs.map((p) => p.text).join("\n")).not.toContain("Jane Doe");
  });

  it("reads a name alone right under the headline, and a page title closing on its writer", () => {
    expect(withCredit("Jane Doe").authors).toEqual(["Jane Doe"]);
    const titled = readTextCapture(page.replace(headline, `${headline} | Jane Doe`), { url: null });
    expect(titled.ok && [titled.value.title, titled.value.authors]).toEqual([headline, ["Jane Doe"]]);
  });

  it("reads a name over its dateline, and an author note under 'About the author'", () => {
    expect(withCredit("Jane Doe", "12.03.2024").authors).toEqual(["Jane Doe"]);
    const noted = readTextCapture(
      `${page}\n\nAbout the author\n\nJane Doe is a senior fellow at the Health Institute.`,
      {
        url: null,
      },
    );
    expect(noted.ok && noted.value.authors).toEqual(["Jane Doe"]);
  });

  it.each([
    ["12 March 2024 | Greater Manchester", "a place after the date"],
    ["Monday 12 March 2024 | Royal Free", "a hospital after the date"],
    ["Share | 12/03/2024 | Patient Safety", "a section after the date"],
    ["Published 12 March 2024 by NHS England", "an organisation after 'by'"],
    ["Photo by Jane Doe on Unsplash", "a photo credit"],
  ])("'%s': no writer from %s", (credit) => {
    expect(withCredit(credit).authors).toEqual([]);
  });
});

describe("a name near the top that is no writer", () => {
  it.each([
    ["s-miphealth-trust-ai.txt", "a speaker quoted with 'says X, role' beside the real writer"],
    ["a-nhse-it-leaders-cw.txt", "'X, currently CIO at …, will become …' (news about a person)"],
    ["c-pathology-ai-50m-computerweekly.txt", "'X, national pathology' wrapped under a quote, below the body"],
    ["b-nhsx-tech-enabled-virtual-wards.txt", "an organisation's name alone on the first line"],
    ["d-e18-waiting-list-validation.txt", "a vendor's feature labels ('Referral Management') between short lines"],
    ["s-breastcancer-charity-ai-mammography.txt", "'X Editorial Team · 6 min read' (a team, not a person)"],
    ["s-digitalhealth-cio-interview-chaudry.txt", "an interviewee named with a role in the opening line"],
    [
      "s-wandsgpfed-avt-buzz.txt",
      "'Dr X, GP and Clinical Lead …, recently delivered a webinar' (a case study's subject)",
    ],
    ["s-richardhartley-observer-nhs-data.txt", "a photo credit and a lord named in the first paragraph"],
    ["s-dallaway-nhs-data-trust.txt", "'Reading: title, X, Financial Times' (another writer's piece)"],
  ])("%s: %s", (file) => {
    const { value, truth } = read(file);
    expect(value.authors).toEqual(truth.authors);
  });
});

describe("a known outlet by its address", () => {
  it.each([
    ["d-bevanbrittan-ai-airlock.txt", "a law firm's newsroom"],
    ["c-chelwest-rpa-diginomica.txt", "a tech title whose domain is its name"],
    ["b-hiyh-remote-monitoring-blog.txt", "a health innovation network"],
    ["b-ehhm-virtual-wards-remote-monitoring.txt", "a journal with an abbreviated domain"],
  ])("%s: %s", (file) => {
    const { value, truth } = read(file);
    expect(value.publisher).toBe(truth.publisher);
  });
});
