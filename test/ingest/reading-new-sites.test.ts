/**
 * Round 5 of the reader (issue #16): rules written on writers g and h's pages, outlets nobody had
 * tuned the reader for. Each case is a real published page captured with its chrome
 * (test/fixtures/corpus/captures/, truth in articles-g.json and articles-h.json) that the reader
 * got wrong before its rule existed: a name it invented, a writer it missed, a publisher it could
 * not name or named wrongly, a headline it missed.
 */

import { describe, expect, it } from "vitest";
import { siteNameForHost } from "../../src/ingest/site-name.js";
import { captureLines, readCapture } from "./corpus-captures.js";

describe("no writer from what is not a byline", () => {
  it.each([
    ["g-hcm-wirral-services-still-affected.txt", "other stories' bylines in a teaser panel under the body"],
    ["g-ico-regal-chambers-gp-fine.txt", "a sentence's '… fined £40,000 by the Information Commissioner.'"],
    ["h-ai-strategy-events-nhsx.txt", "a pull quote's 'Name, role' speaker line inside the body"],
  ])("%s: nobody from %s", (file) => {
    expect(readCapture(file).value.authors).toEqual([]);
  });

  it("takes the writer, not a photo caption's place running into 'Hospital'", () => {
    // "by Joe Ventre, digital campaign manager" … "Charing Cross Hospital, April 2023"
    expect(readCapture("h-will-ai-save-the-nhs-taxpayersalliance.txt").value.authors).toEqual(["Joe Ventre"]);
  });

  it("still reads a credit line right under the standfirst", () => {
    // "Dr Nicola Byrne, National Data Guardian" under a one-sentence standfirst.
    expect(readCapture("b-ndg-fdp-public-bridges.txt").value.authors).toEqual(["Dr Nicola Byrne"]);
  });
});

describe("writers in the forms these pages show", () => {
  it.each([
    ["h-ai-hallucinations-jeeves-pslhub.txt", "'… In this blog, X, a Chief Clinical Information Officer, discusses …'"],
    [
      "h-nursing-workforce-digital-manchester.txt",
      "'In this article, from our publication …, Professor A and Dr B assess …' (titles dropped)",
    ],
    ["g-this-institute-frailty-virtual-wards.txt", "a reference line 'A, B, C, <the headline>? …, Journal, 2025'"],
    ["h-nice-eva-odelle.txt", "'by <the publisher itself>' under the headline"],
  ])("%s: %s", (file) => {
    const { value, truth } = readCapture(file);
    expect(value.authors).toEqual(truth.authors);
  });

  it("takes the reference line naming the writers out of the quotable body", () => {
    const { body } = readCapture("g-this-institute-frailty-virtual-wards.txt");
    expect(body).not.toContain("Rosie Kate Lindsay");
    expect(body).toContain("England is likely to need between 23,000 and 39,000 more hospital beds");
  });
});

describe("the publisher a reader would name", () => {
  it.each([
    ["g-hcm-wirral-services-still-affected.txt", "a bare '© Pexels/Pixabay' under the story's picture"],
    ["h-trusts-ai-survey-access-paysuite.txt", "a bare '(c) Access' under the story's picture"],
  ])("%s: the site, not the picture's credit in %s", (file) => {
    expect(readCapture(file).value.publisher).toBe("Healthcare Management");
  });

  it.each([
    ["g-telegraph-nhs-digital-optout-breach.txt", "the paper a reader site carries: its masthead, named in the path"],
    [
      "h-health-foundation-ai-views-healthairegister.txt",
      "the site, not a cited report's 'The Health Foundation, 2024'",
    ],
    ["h-ada-what-people-think-adruk.txt", "the domain's own words from a tag line, no tag after them"],
    ["g-barts-cl0p-legal-action.txt", "a place running into the domain's words ('London News Network')"],
    ["g-eastlondontimes-bhrut-oracle-epr-launch.txt", "a place inside the domain's words ('East London Times')"],
    ["h-ai-error-detection-primary-care-blog.txt", "a blog on a hosting platform, by its own address"],
    ["g-daily8-my-companion-ai-gp.txt", "a word and a number as one brand"],
    ["g-pne-hpn-north-deploy-ai-safely.txt", "initials with a country part after them ('pne-uk')"],
    ["h-esneft-rpa-robots-eadt.txt", "a regional paper in the known-outlet list"],
  ])("%s: %s", (file) => {
    const { value, truth } = readCapture(file);
    expect([
      truth.publisher,
      /\((.+)\)$/.exec(truth.publisher ?? "")?.[1],
      /^(\S+) \(/.exec(truth.publisher ?? "")?.[1],
    ]).toContain(value.publisher);
  });

  it("names a unit's site under its university's domain by its own label", () => {
    expect(readCapture("g-this-institute-frailty-virtual-wards.txt").value.publisher?.toLowerCase()).toBe(
      "this institute",
    );
    // A section of the university's site ("blog.policy.") is no unit: the university's label stays.
    expect(siteNameForHost("blog.policy.manchester.ac.uk")).toBe("Manchester");
  });

  it("spells out an NHS organisation's initials where the capture names it", () => {
    const lines = captureLines("h-esneft-rpa-robots-eadt.txt");
    expect(siteNameForHost("esneft.nhs.uk", lines)).toBe("East Suffolk and North Essex NHS Foundation Trust");
    // Not named in the capture: no guess.
    expect(siteNameForHost("esneft.nhs.uk", captureLines("g-barts-cl0p-legal-action.txt"))).toBeNull();
  });

  it("takes no page's own slug for a paper's masthead", () => {
    // e18innovation.com/automating-waiting-list-validation/ opens on its headline.
    expect(readCapture("d-e18-waiting-list-validation.txt").value.publisher).toBe("E18 Innovation");
  });

  it("gives a person's own site no masthead and splits no brand into stray words", () => {
    expect(siteNameForHost("richardhartley.com")).toBeNull();
    expect(siteNameForHost("bevanbrittan.com")).toBeNull();
    expect(siteNameForHost("healthairegister.com")).toBe("Health AI Register");
  });
});

describe("headlines and dates on these pages", () => {
  it.each([
    ["h-ai-airlock-playbook-iatrox.txt", "'Featured image for <a 30-word headline>'"],
    ["h-evidence-to-scale-futurecarecapital.txt", "a headline broken over two lines and a copied '<br>'"],
    ["g-nursingtimes-hunt-12-digital-exemplars.txt", "browser and cookie notices above it"],
  ])("%s: the headline despite %s", (file) => {
    const { value, truth } = readCapture(file);
    expect(value.title).toBe(truth.headline);
  });

  it("dates a paper's edition from its /YYYYMMDD/ address", () => {
    expect(readCapture("g-telegraph-nhs-digital-optout-breach.txt").value.published?.value).toBe("2018-07-03");
  });
});
