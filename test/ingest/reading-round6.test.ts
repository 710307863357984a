/**
 * Round 6 of the reader (issue #16): rules written on writers i and j's pages (about 110 outlets
 * nobody had tuned the reader for). Each case is a real published page captured with its chrome
 * (test/fixtures/corpus/captures/, truth in articles-i.json and articles-j.json) that the reader
 * got wrong before its rule existed: a writer it missed, a publisher it could not name or named wrongly.
 */

import { describe, expect, it } from "vitest";
import { siteNameForHost } from "../../src/ingest/site-name.js";
import { captureLines, readCapture } from "./corpus-captures.js";

describe("writers in the forms these pages show", () => {
  it.each([
    ["i-men-pennine-computer-crash.txt", "'- By JANE DOE jane.doe@paper.co.uk @handle' (capitals, a glyph, contacts)"],
    ["i-itv-meridian-three-robot-operations.txt", "'Video report by <Outlet>'s <Name>'"],
    ["j-tbi-harnessing-data-for-health.txt", "a report's 'Contributors: A, B, …' line"],
    ["j-healthmanager-ni-ehr-hughes.txt", "a standfirst closing on '… in May. <Name> reports.'"],
    ["j-rpahealth-borhani-nhs-automation-survey.txt", "a dateline's name with the role in brackets"],
  ])("%s: %s", (file) => {
    const { value, truth } = readCapture(file);
    expect(value.authors).toEqual(truth.authors);
  });

  it("takes the byline with its contacts out of the quotable body", () => {
    const { body } = readCapture("i-men-pennine-computer-crash.txt");
    expect(body).not.toMatch(/@ccoxmenmedia|By CHARLOTTE COX/);
    expect(body).toContain("MORE than 600 patients were affected by a computer crash");
  });
});

describe("the publisher a reader would name", () => {
  it("names no outlet from a heading that cites it ('Key Recommendations from the BMA')", () => {
    expect(readCapture("j-yesil-bma-ai-scribes-caution.txt").value.publisher).not.toBe("British Medical Association");
  });

  it("names no outlet from another's award badge ('HSJ Awards Logo')", () => {
    expect(readCapture("i-roh-digital-letters.txt").value.publisher).toBe(
      "The Royal Orthopaedic Hospital NHS Foundation Trust",
    );
  });

  it("names an ICB from its address, its area as the capture writes it", () => {
    expect(readCapture("i-lsc-icb-virtual-wards.txt").value.publisher).toBe("NHS Lancashire and South Cumbria ICB");
    // "north east London" in the capture: the area in capitals all the same.
    expect(siteNameForHost("northeastlondon.icb.nhs.uk", captureLines("c-nel-chest-xray-ai-icb.txt"))).toBe(
      "NHS North East London ICB",
    );
  });

  it("names a known organisation's site on a hosting platform, not the platform", () => {
    expect(readCapture("i-prescqipp-north-devon-hf-remote-monitoring.txt").value.publisher).toBe("PrescQIPP");
  });

  it.each([
    ["j-bristows-ico-transparency-guidance.txt", "Bristows"],
    ["i-burnesspaull-ico-advanced-6m.txt", "Burness Paull"],
    ["j-sor-nice-draft-ai-radiotherapy-planning.txt", "Society of Radiographers"],
    ["j-pif-nhs-app-patient-survey.txt", "Patient Information Forum"],
  ])("%s: the known list names %s, which the address only splits or abbreviates", (file, outlet) => {
    expect(readCapture(file).value.publisher).toBe(outlet);
  });
});
