/**
 * The publisher on writers k and l's pages (session 8): each rule has a real capture from a train
 * or validation page and made-up look-alikes that must keep the old reading; the measure's "right"
 * is what a reader would take for the recorded outlet, and no more.
 */

import { describe, expect, it } from "vitest";
import { publisherVerdict } from "../../scripts/measure-reading.js";
import { knownParent, knownPublisherForUrl, publisherForUrl } from "../../src/ingest/publishers.js";
import { readTextCapture } from "../../src/ingest/read-text.js";
import { siteNameForHost } from "../../src/ingest/site-name.js";
import { captureLines, readCapture } from "./corpus-captures.js";

/** Body text long enough to be an article, naming no outlet. */
const BODY = [
  "The trust said the new system would be rolled out to every ward over the next two years, starting with the busiest medical wards.",
  "Staff were trained in small groups and the board will review how the system is used after the first six months of the roll-out.",
  "Patients will be able to see their results in the app, and the trust expects fewer calls to its switchboard as a result of the change.",
];
const HEADLINE = "Trust rolls out new patient record system";

function publisherOf(lines: readonly string[], url: string | null = null): string | null {
  const read = readTextCapture(lines.join("\n"), { url });
  if (!read.ok) throw new Error(read.reason);
  return read.value.publisher;
}

describe("an organisation the story names is not the site", () => {
  it("takes no link's title inside the body for a banner ('BMA general practitioners committee England')", () => {
    expect(readCapture("k-drbhatti-prospective-access-oct-2023.txt").value.publisher).toBe("Dr Bhatti");
  });

  it("still takes a known outlet's banner standing between the headline and the body", () => {
    expect(publisherOf([HEADLINE, "Digital Health", ...BODY])).toBe("Digital Health");
    expect(publisherOf([HEADLINE, BODY[0] as string, "Digital Health", ...BODY, ...BODY])).toBeNull();
  });

  it("takes no source set over the sentence it opens ('NHS Digital' / 'NHS Digital has announced …')", () => {
    const read = readCapture("l-journalofmhealth-wdp-pathfinders.txt").value;
    expect(read.publisher).not.toBe("NHS Digital");
    expect(read.publisher).toBe("The Journal of mHealth");
    // A masthead over a body that opens on something else is still the masthead.
    expect(publisherOf([HEADLINE, "Digital Health", "The trust has named its supplier.", ...BODY])).toBe(
      "Digital Health",
    );
    expect(publisherOf([HEADLINE, "Digital Health", "Digital Health Awards shortlist announced", ...BODY])).toBe(
      "Digital Health",
    );
  });

  it("names a known outlet's page by its address, not by the department atop its copy ('Welsh Government' on WiredGov)", () => {
    expect(readCapture("e-wales-digital-leader-wiredgov.txt").value.publisher).toBe("Wired-Gov");
    // A site no list knows is still named by its chrome.
    expect(publisherOf(["Welsh Government", HEADLINE, ...BODY], "https://www.example-gov-news.net/item/1")).toBe(
      "Welsh Government",
    );
  });
});

describe("a site's name from its address, as the capture writes it", () => {
  it("keeps the country part the capture writes ('Mental Health UK' on mentalhealth-uk.org)", () => {
    expect(siteNameForHost("mentalhealth-uk.org", captureLines("l-mentalhealthuk-ai-and-mental-health.txt"))).toBe(
      "Mental Health UK",
    );
    // Not written so, the country part is no part of the name.
    expect(siteNameForHost("healthbusiness-uk.net", ["Subscribe to Health Business magazine"])).toBe("Health Business");
  });

  it("spells out initials and a web word from the capture ('cafonline' → Charities Aid Foundation)", () => {
    expect(siteNameForHost("cafonline.org", captureLines("l-caf-may-ai-speech-charities.txt"))).toBe(
      "Charities Aid Foundation",
    );
    // A job title with those initials is no organisation.
    expect(siteNameForHost("cafonline.org", ["Chief Administrative Officer"])).toBe("CAF Online");
  });

  it("splits an address where the capture's own words split it ('yorkshirepost' → Yorkshire Post)", () => {
    expect(siteNameForHost("yorkshirepost.co.uk", captureLines("l-yorkshirepost-mid-yorks-clinics-chaos.txt"))).toBe(
      "Yorkshire Post",
    );
    expect(siteNameForHost("nuffieldtrust.org.uk", captureLines("d-nuffield-digital-exclusion.txt"))).toBe(
      "Nuffield Trust",
    );
    // Plain English words the capture happens to split are read as the dictionary reads them.
    expect(
      siteNameForHost("buildingbetterhealthcare.com", ["Better care starts with health", "Building a new ward"]),
    ).toBe("Building Better Healthcare");
    expect(siteNameForHost("healthcare.digital", ["Health and care news"])).toBe("Healthcare");
  });

  it("ends a name the capture writes at a comma ('… to IT Pro, Torbay Care Trust blamed …')", () => {
    expect(siteNameForHost("itpro.com", captureLines("d-itpro-torbay-fine.txt"))).toBe("IT Pro");
    // With no comma, the organisation's word still closes the name.
    expect(siteNameForHost("rosemere.org.uk", ["Rosemere Cancer Foundation funds new scanner"])).toBe(
      "Rosemere Cancer Foundation",
    );
  });

  it("names a national NHS body's one-word address 'NHS <word>' ('resolution.nhs.uk')", () => {
    expect(siteNameForHost("resolution.nhs.uk")).toBe("NHS Resolution");
    // A trust's initials, or several words, are no national body's one word.
    expect(siteNameForHost("leedsth.nhs.uk") ?? "").not.toMatch(/^NHS /);
    expect(siteNameForHost("sussexcommunity.nhs.uk") ?? "").not.toMatch(/^NHS /);
  });

  it("reads a hosting platform's copy of a whole address as that site ('www-ukauthority-com.azurewebsites.net')", () => {
    expect(publisherForUrl("https://www-ukauthority-com.azurewebsites.net/articles/x")).toBe("UKAuthority");
    // A platform sub-site with its own name stays that sub-site.
    expect(publisherForUrl("https://carehome-news.azurewebsites.net/x")).toBe("carehome-news.azurewebsites.net");
  });

  it("reads an e-, i- or m- before a word as one word ('eprescribingtoolkit' → ePrescribing Toolkit)", () => {
    expect(siteNameForHost("www.eprescribingtoolkit.com", captureLines("k-elft-epma-case-study.txt"))).toBe(
      "ePrescribing Toolkit",
    );
    expect(siteNameForHost("thejournalofmhealth.com")).toBe("The Journal of mHealth");
    // Not inside a run of words ("mobihealthnews" is no "Mob iHealth News"), and a word stays a word.
    expect(siteNameForHost("mobihealthnews.com") ?? "").not.toMatch(/iHealth/);
    expect(siteNameForHost("erode.com")).toBe("Erode");
  });

  it("reads a title opening the address as a title, not initials ('drbhatti' is Dr Bhatti)", () => {
    expect(siteNameForHost("drbhatti.com")).toBe("Dr Bhatti");
    // Words that only start with a title's letters are words.
    expect(siteNameForHost("dragonhealth.com")).toBe("Dragon Health");
    expect(siteNameForHost("drugsafety.org")).toBe("Drug Safety");
  });
});

describe("an outlet published under a folder of a larger site", () => {
  it.each([
    ["l-itv-granada-arrowe-park-systems-restore.txt", "ITV News Granada"],
    ["i-itv-meridian-three-robot-operations.txt", "ITV News Meridian"],
    ["k-nursingstandard-take-control-digital.txt", "Nursing Standard"],
    ["k-who-europe-digital-prescriptions.txt", "WHO Regional Office for Europe"],
  ])("%s: %s", (file, outlet) => {
    expect(readCapture(file).value.publisher).toBe(outlet);
  });

  it("needs the whole folder: another section, or a folder that only starts the same, is the parent", () => {
    expect(publisherForUrl("https://www.itv.com/news/2024-12-03/cyber-attack")).toBe("ITV News");
    expect(publisherForUrl("https://www.itv.com/news/granadaland/story")).toBe("ITV News");
    expect(knownPublisherForUrl("https://www.itv.com/news/granada")).toBe("ITV News Granada");
    expect(knownParent("ITV News Granada")).toBe("ITV News");
  });
});

describe("the measure counts what a reader would take for the recorded outlet", () => {
  it.each([
    ["HSJ", "Health Service Journal", "the list's short name"],
    ["BBC", "BBC News", "the list's other name"],
    ["Chemist + Druggist", "Chemist+Druggist", "the same words, spaced another way"],
    ["Chemist + Druggist", "Chemist and Druggist", "'+' read as 'and'"],
    ["Usher Institute, University of Edinburgh", "Usher Institute (University of Edinburgh)", "punctuation"],
    ["ISPOR", "ispor.org", "the site's address for its name"],
    ["ITV News", "ITV News Granada", "a regional edition of the outlet"],
    ["RCNi", "Nursing Management", "a title of the publisher"],
  ])("'%s' read as '%s' is right (%s)", (recorded, got) => {
    expect(publisherVerdict(recorded, got).right).toBe(true);
  });

  it.each([
    ["NurseOneStop", "Nurs Eon Estop"],
    ["Mental Health UK", "Mental Health"],
    ["Public Sector Executive", "Public Sector"],
    ["Health Innovation Network", "Health Innovation Manchester"],
    ["The Journal of mHealth", "NHS Digital"],
  ])("'%s' read as '%s' is wrong", (recorded, got) => {
    expect(publisherVerdict(recorded, got).right).toBe(false);
  });
});
