/**
 * Round 8 of the reader (issue #16): rules written on writers k and l's training and validation
 * pages (57 real pages from nursing, pharmacy and dental press, trusts', ICBs' and charities' own
 * sites, none read by a reading rule before). Each case is a real published page captured with its
 * chrome (test/fixtures/corpus/captures/, truth in articles-<writer>.json) that the reader got wrong
 * before its rule existed; made-up look-alikes beside them must stay refused.
 */

import { describe, expect, it } from "vitest";
import { readTextCapture } from "../../src/ingest/read-text.js";
import { readCapture } from "./corpus-captures.js";

/** What the reader makes of a made-up capture (a look-alike no real page showed). */
function read(lines: string[], url: string | null = null) {
  const result = readTextCapture(lines.join("\n"), { url });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

/** Body text long enough to be an article, about nobody. */
const BODY = [
  "The trust said the new system would be rolled out to every ward over the next two years, starting with the busiest medical wards.",
  "Staff were trained in small groups and the board will review how the system is used after the first six months of the roll-out.",
  "Patients will be able to see their results in the app, and the trust expects fewer calls to its switchboard as a result of the change.",
];

describe("names invented on k and l's pages", () => {
  it("takes no writer from a report's 'Eleventh Special Report of Session …' line under the headline", () => {
    expect(readCapture("l-parliament-hscc-digital-transformation-response.txt").value.authors).not.toContain(
      "Eleventh Special",
    );
  });

  it("takes no writer from the speaker of a film ('In this short film, … Dr X explains why …')", () => {
    expect(readCapture("l-bsw-icb-integrated-care-records.txt").value.authors).toEqual([]);
  });

  it.each([
    ["a podcast's guest", "In this podcast, Dr Jane Halloran explains how the trust cut its waiting lists."],
    ["a video's speaker", "Watch the video: Jane Halloran reflects on a year of virtual wards."],
  ])("refuses %s as a look-alike", (_, line) => {
    expect(read(["Trust rolls out new patient record system", line, ...BODY]).authors).toEqual([]);
  });

  it("still takes the writer a standfirst names with a writer's verb", () => {
    expect(
      read([
        "Trust rolls out new patient record system",
        "In this blog, Jane Halloran explains how the trust cut its waiting lists.",
        ...BODY,
      ]).authors,
    ).toEqual(["Jane Halloran"]);
  });

  it("still takes a name and a job under the headline, but not a name and a document's part", () => {
    expect(read(["Trust rolls out new patient record system", "Mark Say Managing Editor", ...BODY]).authors).toEqual([
      "Mark Say",
    ]);
    expect(
      read(["Trust rolls out new patient record system", "Twelfth Annual Report of Session 2023–24", ...BODY]).authors,
    ).toEqual([]);
  });
});

describe("headlines on k and l's pages", () => {
  it.each([
    ["k-cd-gps-concern-pharmacist-access.txt", "an owner's legal notice and a reprint's terms over the headline"],
    ["k-who-europe-digital-prescriptions.txt", "a link's label run into the headline ('All →…')"],
    ["k-onehousing-care-home-remote-monitoring.txt", "a headline dated by its month ('June 2022: …')"],
    ["l-govuk-aiamd-rhc-response.txt", "the title over 'Published <date>', not a letter's subject line under it"],
    ["l-hssib-epr-loss-of-functionality.txt", "a picture's alt text in sentences above the headline"],
    ["l-bradford-virtual-services-team.txt", "a headline the copy set as a lone bullet over the story"],
    ["l-nenc-ics-digital-care-strategy.txt", "a two-word headline ('Digital care')"],
  ])("%s: %s", (file) => {
    const { value, truth } = readCapture(file);
    expect(value.title).toBe(truth.headline);
  });

  it.each([
    ["l-nihr-evidence-ai-10-interventions.txt", "a link to commentaries ('View commentaries on this research')"],
    ["l-caf-may-ai-speech-charities.txt", "a writer's role and employer, or a share button"],
  ])("%s: takes no headline from %s", (file) => {
    expect(readCapture(file).value.title).toBeNull();
  });

  it("dates a headline by its month", () => {
    expect(readCapture("k-onehousing-care-home-remote-monitoring.txt").value.published?.value).toBe("2022-06");
  });

  it.each([
    ["a piece's type with a word before it", "News story"],
    ["a blog's type label", "Blog post"],
    ["a list of dated items", "November 2023 – NHS Fife"],
    ["a role and an employer", "Head of Communications, Anytown Hospitals"],
  ])("refuses %s as a look-alike ('%s')", (_, label) => {
    expect(read([label, ...BODY]).title).toBeNull();
  });

  it("takes the headline, not a two-word section label over it", () => {
    expect(read(["Patient records", "Trust rolls out new patient record system", ...BODY]).title).toBe(
      "Trust rolls out new patient record system",
    );
  });

  it("keeps a sentence about a scan in the story while taking a photo's alt text out", () => {
    const scan =
      "The image shows a shadow on the lung that the software marked for a radiologist to check within a day.";
    const value = read(["Trust rolls out AI for chest X-rays", ...BODY, scan]);
    expect(value.title).toBe("Trust rolls out AI for chest X-rays");
    expect(value.paragraphs.map((p) => p.text)).toContain(scan);
  });
});

describe("writers missed on k and l's pages", () => {
  it.each([
    ["l-parliament-hscc-digital-transformation-response.txt", "a committee under an 'Author:' label"],
    [
      "d-commons-digital-transformation-report.txt",
      "a committee under an 'Author:' label (d's page, missed before too)",
    ],
    ["l-ispor-nice-ai-technologies-assessed.txt", "an 'Author(s)' heading over names each followed by degrees"],
    ["l-govuk-aiamd-rhc-response.txt", "a letter's signatory ('Letter to … from Baroness Merron')"],
    ["l-upd-single-patient-record-blog.txt", "'In this blog, <employer> <role> <Name> outlines …'"],
  ])("%s: %s", (file) => {
    const { value, truth } = readCapture(file);
    expect(value.authors).toEqual(truth.authors);
  });

  it.each([
    ["an author's label naming no organisation", "Author: Admin"],
    ["a letter from an organisation", "Letter to the Health Secretary from the British Medical Association"],
    ["a letter's addressee", "Letter to Jane Halloran from the board"],
    ["a sentence about a committee", "The Health and Social Care Committee heard evidence from patients."],
  ])("takes no writer from %s ('%s')", (_, line) => {
    expect(read(["Trust rolls out new patient record system", line, ...BODY]).authors).toEqual([]);
  });
});

describe("dates on k and l's pages and the others'", () => {
  it.each([
    ["k-who-europe-digital-prescriptions.txt", "a slug opening on the day ('/02-05-2024-digital-…')"],
    ["l-bhf-35m-research-excellence-awards.txt", "an archive's month folder ('/2024/may/')"],
    ["l-researchlive-ukri-13m-ai-health.txt", "a section's label run into the day ('NEWS15 August 2023')"],
    ["f-nhs-it-staff-survey-guardian.txt", "a paper's '/2018/mar/20/' path"],
    ["j-flashfuture-psl-digital-priorities.txt", "a path's '/2021/4/20/' without leading zeros"],
    ["d-healthwatch-haringey-locked-out.txt", "a path's '/news/2021-06-18/' folder"],
    ["c-nhs-app-after-pandemic-nhsdigital.txt", "a blog's year folder alone ('/transformation-blog/2023/')"],
    ["s-bmj-ccio-editorial.txt", "a journal's '(Published 10 July 2017)' inside its citation line"],
    ["j-rpahealth-borhani-nhs-automation-survey.txt", "a longer line under the headline opening on the date"],
  ])("%s: %s", (file) => {
    const { value, truth } = readCapture(file);
    expect(value.published?.value ?? null).toBe(truth.published);
  });

  it.each([
    ["c-national-data-opt-out-croneri.txt", "a guidance page's 'Last reviewed <date>'"],
    ["g-pne-hpn-north-deploy-ai-safely.txt", "an event's days ('6-7 March 2025')"],
    [
      "h-will-ai-save-the-nhs-taxpayersalliance.txt",
      "a caption's place and month ('Charing Cross Hospital, April 2023')",
    ],
  ])("%s: takes no date from %s", (file) => {
    expect(readCapture(file).value.published).toBeNull();
  });

  it.each([
    ["a relative age with nothing to count from", "2 days ago"],
    ["a day and month with no year", "Published: 3rd June"],
    ["a copyright year", "© 2024 Anytown Hospitals NHS Foundation Trust"],
  ])("takes no date from %s ('%s')", (_, line) => {
    expect(read(["Trust rolls out new patient record system", line, ...BODY]).published).toBeNull();
  });

  it("takes no year from an address whose only number is not a year folder", () => {
    expect(
      read(["Trust rolls out new patient record system", ...BODY], "https://example.org/news/2026-plans").published,
    ).toBeNull();
    expect(
      read(["Trust rolls out new patient record system", ...BODY], "https://example.org/news/2026/plans").published
        ?.value,
    ).toBe("2026");
  });
});

describe("headlines on the other writers' pages, by cause", () => {
  it.each([
    [
      "c-nhs-app-after-pandemic-nhsdigital.txt",
      "a site-wide notice closing on its link ('… have merged. More about the merger.')",
    ],
    ["d-ardengem-ai-lab-lessons.txt", "a CMS's 'Header image for the current page <headline>'"],
    ["h-mhra-samd-roadmap-elendilabs.txt", "a promo's own sentence under its banner above the headline"],
    ["i-ozy-startups-woo-nhs.txt", "the site's name closing the page title ('… - OZY')"],
  ])("%s: %s", (file) => {
    const { value, truth } = readCapture(file);
    expect(value.title).toBe(truth.headline);
  });

  it.each([
    ["f-dtl-role-progress-pulse.txt", "an audience notice ('This site is intended for health professionals only')"],
    ["i-attoday-norfolk-hf-remote-monitoring.txt", "a picture's alt text in lower case ('… tech image')"],
    ["j-rcn-bulletin-digital-future-nursing.txt", "a browser notice ('… recommends using an updated browser …')"],
  ])("%s: takes no headline from %s", (file) => {
    expect(readCapture(file).value.title).toBeNull();
  });

  it("keeps the date above a reading time over the headline", () => {
    expect(readCapture("h-mhra-samd-roadmap-elendilabs.txt").value.published?.value).toBe("2025-12-14");
  });

  it.each([
    ["a title whose last words are another outlet's", "Trust signs deal with Health Tech - Anytown News"],
    ["a sentence about a page", "This page is one of the busiest on the trust's website and was rebuilt in May."],
  ])("keeps %s", (_, line) => {
    const value = read([line, ...BODY], "https://www.example-health-blog.org/posts/deal");
    expect([value.title, ...value.paragraphs.map((p) => p.text)]).toContain(line);
  });
});

describe("names a page nobody tuned for might show, refused (invented-name guards)", () => {
  it.each([
    ["a press office's contact under 'Media contacts'", ["Media contacts", "Sarah Jones", "Press Officer"]],
    ["a picture's caption of two people", ["Sarah Jones and Tom Hill at the launch"]],
    ["a trust's name after 'By'", ["By Anytown Hospitals NHS Foundation Trust"]],
    ["a subheading opening on a given name", ["Grace Period Ends"]],
    ["another subheading opening on a given name", ["Major Incident"]],
    ["a lecture named after someone", ["Sarah Jones Memorial Lecture"]],
    ["a station", ["Victoria Station"]],
  ])("refuses %s", (_, lines) => {
    expect(read(["Trust rolls out new patient record system", ...lines, ...BODY]).authors).toEqual([]);
  });

  it("refuses a press contact set above the headline", () => {
    expect(
      read([
        "Media enquiries",
        "Sarah Jones, Communications Manager",
        "Trust rolls out new patient record system",
        ...BODY,
      ]).authors,
    ).toEqual([]);
  });

  it("takes the writer once, not her job's last word with her name", () => {
    expect(
      read(["Trust rolls out new patient record system", "Chief Nurse Sarah Jones explains the new system", ...BODY])
        .authors,
    ).toEqual(["Sarah Jones"]);
  });

  it("still takes a known name alone under the headline, and a name over a dateline", () => {
    expect(read(["Trust rolls out new patient record system", "Amanda Pritchard", ...BODY]).authors).toEqual([
      "Amanda Pritchard",
    ]);
    expect(
      read(["Trust rolls out new patient record system", "Chris Hopson", "12 March 2024", ...BODY]).authors,
    ).toEqual(["Chris Hopson"]);
  });
});

describe("notices every site sets, never a headline (look-alikes for pages no rule was written on)", () => {
  it.each([
    "This was published under the 2022 to 2024 Sunak Conservative government",
    "This news article was withdrawn on 1 May 2024",
    "This page is no longer being updated",
    "Sign in to continue reading",
    "You have 3 free articles left this month",
    "Is this page useful?",
    "Report a problem with this page",
    "Back to news",
    "Previous article Next article",
    "Share this page on social media",
    "Estimated reading time 4 minutes",
    "In partnership with Anytown Hospitals",
    "Please enable JavaScript to view this page",
  ])("'%s'", (notice) => {
    expect(read([notice, ...BODY]).title).toBeNull();
    expect(read([notice, "Trust rolls out new patient record system", ...BODY]).title).toBe(
      "Trust rolls out new patient record system",
    );
  });

  it("keeps a sentence of the story that opens like a sponsor's line", () => {
    const sentence =
      "Sponsored by the local charity, the programme will pay for tablets on every ward for the next three years.";
    expect(
      read(["Trust rolls out new patient record system", ...BODY, sentence]).paragraphs.map((p) => p.text),
    ).toContain(sentence);
  });
});

describe("a headline's shape on pages no rule was written on (look-alikes)", () => {
  it("joins a headline the copy broke over two lines, and leaves its second half out of the story", () => {
    const value = read(["Trust rolls out new", "patient record system to every ward", ...BODY]);
    expect(value.title).toBe("Trust rolls out new patient record system to every ward");
    expect(value.paragraphs.map((p) => p.text)).not.toContain("patient record system to every ward");
  });

  it.each([
    ["a byline in lower case", "by Jane Doe"],
    ["a logo's alt text", "anytown-logo"],
  ])("joins no %s to the headline", (_, next) => {
    expect(read(["Trust rolls out new patient record system", next, ...BODY]).title).toBe(
      "Trust rolls out new patient record system",
    );
  });

  it("takes no cookie banner's heading for the headline ('Cookie settings' over 'We use necessary cookies …')", () => {
    const banner = "We use necessary cookies to make our site work. We'd also like to set optional analytics cookies.";
    expect(read(["Cookie settings", banner, "Trust rolls out new patient record system", ...BODY]).title).toBe(
      "Trust rolls out new patient record system",
    );
  });
});

describe("byline forms of sites no rule was written on (look-alikes)", () => {
  it.each([
    ["a wire's 'Reporting by …; editing by …'", ["Reporting by Jane Doe; editing by Tom Hill"], ["Jane Doe"]],
    ["a name with its handle in brackets", ["Jane Doe (@janedoe)"], ["Jane Doe"]],
    ["'Published by <Name>'", ["Published by Jane Doe"], ["Jane Doe"]],
    ["a name in capitals over the date", ["JANE DOE", "3 June 2024"], ["Jane Doe"]],
    ["a section in capitals over the date", ["LATEST NEWS", "3 June 2024"], []],
    ["'Published by' an organisation", ["Published by Anytown Hospitals NHS Foundation Trust"], []],
  ])("%s", (_, credit, writers) => {
    expect(read(["Trust rolls out new patient record system", ...credit, ...BODY]).authors).toEqual(writers);
  });
});
