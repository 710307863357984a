/**
 * Round 7 of the reader (issue #16): rules written on the retired holdout pages of writers a–h (154
 * real pages no reading rule had been written on, now training). Each case is a real published page
 * captured with its chrome (test/fixtures/corpus/captures/, truth in articles-<writer>.json) that the
 * reader got wrong before its rule existed; look-alikes beside them must stay refused.
 */

import { describe, expect, it } from "vitest";
import { readTextCapture } from "../../src/ingest/read-text.js";
import { siteNameForHost } from "../../src/ingest/site-name.js";
import { readCapture } from "./corpus-captures.js";

/** The writers the reader finds on a made-up capture (a look-alike no real page showed). */
function writersOf(lines: string[]): string[] {
  const read = readTextCapture(lines.join("\n"));
  if (!read.ok) throw new Error(read.reason);
  return read.value.authors;
}

/** Body text long enough to be an article, about nobody. */
const BODY = [
  "The trust said the new system would be rolled out to every ward over the next two years, starting with the busiest medical wards.",
  "Staff were trained in small groups and the board will review how the system is used after the first six months of the roll-out.",
  "Patients will be able to see their results in the app, and the trust expects fewer calls to its switchboard as a result of the change.",
];

describe("names the story is about are no writers", () => {
  it("refuses a person a bullet introduces and the story names again ('Will Smart, currently CIO at …')", () => {
    expect(readCapture("a-nhse-it-leaders-hsj.txt").value.authors).toEqual([]);
  });

  it("refuses the interviewee of a standfirst ('CIO Craig York shares …', then 'spoke to Craig York') and finds the writer beside the avatar's alt text", () => {
    expect(readCapture("g-diginomica-milton-keynes-cio-oracle.txt").value.authors).toEqual(["Derek du Preez"]);
  });

  it("refuses a heading over a list ('Key Details') right under the headline", () => {
    expect(readCapture("g-xrayinterpreter-ucl-ai-chest-rollout.txt").value.authors).toEqual([]);
  });

  it.each([
    ["keeps a writer a byline names, even when the story names them again", "By Jane Halloran", ["Jane Halloran"]],
    [
      "refuses a name and role under the headline when the story is about that person",
      "Jane Halloran, Chief Information Officer",
      [],
    ],
  ])("%s", (_, credit, writers) => {
    const later =
      "Jane Halloran, who joined the trust last month, saw the system in use on two of its wards before the launch.";
    expect(writersOf(["Trust rolls out new patient record system", credit, ...BODY, later])).toEqual(writers);
  });
});

describe("look-alikes of the names invented on pages no rule was written on", () => {
  it("takes no known organisation under the headline for a writer (a law firm's name has a person's shape)", () => {
    const read = readTextCapture(["Trust rolls out new patient record system", "Hill Dickinson", ...BODY].join("\n"), {
      url: "https://www.example-health-blog.org/posts/record-system",
    });
    expect(read.ok && read.value.authors).toEqual([]);
  });

  it("takes no one the story quotes by surname for the writer of a line under the headline", () => {
    const quoted = "The app has helped her manage her condition at home, Ms Rowntree said after the launch event.";
    expect(writersOf(["Trust rolls out new patient record system", "Jane Rowntree", ...BODY, quoted])).toEqual([]);
  });

  it("takes the member, not the constituency, from a politician's byline", () => {
    expect(
      writersOf(["Trust rolls out new patient record system", "By Jackie Baillie MSP, Dumbarton", ...BODY]),
    ).toEqual(["Jackie Baillie"]);
  });
});

describe("writers in the forms the retired pages show", () => {
  it.each([
    ["d-nhse-transformation-update.txt", "a board paper's 'Report by: <Name>, <role>'"],
    ["g-guardian-synnovis-data-theft-explainer.txt", "the writers' names over the headline (a reader app's copy)"],
    ["g-guardian-alder-hey-ransomware-claims.txt", "the writers' names over the headline (a republished copy)"],
    ["d-hfma-virtual-wards.txt", "'20 September 2022 <Name>' under the headline"],
    ["g-digitalhealth-great-north-care-record.txt", "a standfirst closing '… <Name> investigates.'"],
    ["e-digital-patients-myth-nuffield.txt", "'…, A and B take a closer look at …'"],
    ["b-manchester-digital-skills-framework.txt", "'Here, Dr A and Professor B outline …' (no headline shown)"],
    ["f-primary-care-cnios-nursinginpractice.txt", "'…, A and B in Dorset, explain how …'"],
    [
      "b-national-voices-fdp.txt",
      "'A, B (Organisation), Dr C (Organisation) and D (Organisation).' under the headline",
    ],
    ["h-digital-primary-care-nuffield.txt", "a 'Suggested citation' in surnames and initials"],
  ])("%s: %s", (file) => {
    const { value, truth } = readCapture(file);
    const person = (name: string) => name.replace(/^(?:Dr|Professor)\s+/, "").replace(/’/g, "'");
    expect(value.authors.map(person)).toEqual(truth.authors.map(person));
  });

  it("takes no place or section after a date for a writer", () => {
    expect(
      writersOf(["Trust rolls out new patient record system", "20 September 2022 North Yorkshire", ...BODY]),
    ).toEqual([]);
  });

  it("takes no pair of organisations over the headline for writers", () => {
    expect(writersOf(["Palantir and Accenture", "Trust rolls out new patient record system", ...BODY])).toEqual([]);
  });
});

it("drops a section's breadcrumb before the headline ('Feature / Virtual reality')", () => {
  expect(readCapture("d-hfma-virtual-wards.txt").value.title).toBe("Virtual reality");
});

it.each([
  ["b-burges-salmon-ambient-scribing.txt", "'This website will offer limited functionality in this browser. …'"],
  ["e-ai-award-50m-round-one-nihr.txt", "'Internet Explorer is no longer supported by Microsoft. …'"],
])("finds the headline under a browser notice in sentences: %s, %s", (file) => {
  const { value, truth } = readCapture(file);
  expect(value.title).toBe(truth.headline);
});

it.each([
  ["b-porter-gp-online-services.txt", "a copy's 'Published in The Times 8:12:15'"],
  ["c-wigan-annalise-wigantoday.txt", "'Watch more of our videos on ShotsTV.com'"],
  ["g-inews-nhs-data-leaks-doubled.txt", "'3h agoHunt warns …', another story's teaser"],
  ["h-mhra-samd-roadmap-elendilabs.txt", "'Need Regulatory Help? Try Our Platform'"],
])("takes no chrome line for the headline: %s, %s", (file) => {
  const { value } = readCapture(file);
  expect(value.title ?? "").not.toMatch(/^Published in|^Watch more|^\d+h ago|Try Our Platform/);
});

describe("dates the retired pages show", () => {
  it.each([
    ["c-cyber-strategy-techuk.txt", "'22 Mar 2023' over the byline over the headline"],
    ["g-healthbusiness-workforce-pressures-digital.txt", "a press release's 'London, 02 December 2025: …'"],
  ])("%s: %s", (file) => {
    const { value, truth } = readCapture(file);
    expect(value.published?.value).toBe(truth.published);
  });

  it("takes no date from a masthead's 'today' above a section line, nor from a place opening a sentence", () => {
    const read = readTextCapture(
      [
        "Thursday 4 December 2026",
        "Home | News",
        "Trust rolls out new patient record system",
        "Leeds, the home of two national bodies – and of a great many suppliers – is where the system was built.",
        ...BODY,
      ].join("\n"),
    );
    expect(read.ok && read.value.published).toBeNull();
  });
});

describe("the publisher a reader would name on the retired pages", () => {
  it.each([
    ["b-porter-gp-online-services.txt", "The Times", "a copy's 'Published in The Times 8:12:15'"],
    [
      "g-diginomica-milton-keynes-cio-oracle.txt",
      "diginomica",
      "as the body writes it, not the picture library a ©-line names",
    ],
    ["g-digitalhealth-great-north-care-record.txt", "Digital Health", "a logo's alt text ('digitalhealth-logo')"],
    ["g-times-chelsea-westminster-ai-skin-checks.txt", "The Times", "a masthead in capitals ('THE TIMES OF LONDON')"],
    ["a-chatbot-safety-guide-birmingham.txt", "University of Birmingham", "an ac.uk site, as the capture names it"],
  ])("%s: %s (%s)", (file, outlet) => {
    expect(readCapture(file).value.publisher).toBe(outlet);
  });

  it("takes no section folder for a paper's masthead ('News Hub' on /news-hub/)", () => {
    expect(readCapture("f-spine-cloud-datacentres-techerati.txt").value.publisher).not.toBe("News Hub");
  });

  it("takes no outlet a sentence cites ('Published in The Lancet, the study …') for the publisher", () => {
    const read = readTextCapture(
      [
        "Trust rolls out new patient record system",
        "Published in The Lancet, the study followed 2,000 patients",
        ...BODY,
      ].join("\n"),
      { url: "https://www.example-health-blog.org/posts/record-system" },
    );
    expect(read.ok && read.value.publisher).not.toBe("The Lancet");
  });

  it("takes no picture library's '©' closing the page for the publisher", () => {
    const read = readTextCapture(
      ["Trust rolls out new patient record system", ...BODY, "© Getty Images 2024"].join("\n"),
    );
    expect(read.ok && read.value.publisher).toBeNull();
  });

  it("splits an address opening on known initials ('ukpulse' is UK Pulse), and no other short pieces", () => {
    expect(readCapture("h-kingsfund-ai-infrastructure-ukpulse.txt").value.publisher).toBe("UK Pulse");
    expect(readCapture("d-uktimes-mhra-dmht-guidance.txt").value.publisher).toBe("UK Times");
    expect(siteNameForHost("sage.cnpereading.com")).toBeNull();
  });
});
