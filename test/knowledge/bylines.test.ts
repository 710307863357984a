import { expect, it } from "vitest";
import {
  letterWriter,
  namesInByline,
  namesInCreditLine,
  namesInInlineByline,
  namesInStandfirst,
  organisationAuthor,
  writerOpeningStandfirst,
} from "../../src/knowledge/bylines.js";

it("reads the names on a byline and stops at a role", () => {
  expect(namesInByline("Written by : Jayati Dubey")).toEqual(["Jayati Dubey"]);
  expect(namesInByline("By Dr Na’eem Ahmed, Chief Medical Officer and Co-Founder of ImproveWell")).toEqual([
    "Dr Na’eem Ahmed",
  ]);
  expect(namesInByline("Authors: Lucy Knight, Shehar Bano and Ruth Lowe")).toEqual([
    "Lucy Knight",
    "Shehar Bano",
    "Ruth Lowe",
  ]);
  expect(namesInByline("By Jo Bloggs | 2 June 2025")).toEqual(["Jo Bloggs"]);
});

it("takes no organisation, date or sentence for a person", () => {
  expect(namesInByline("By Cyber Monitoring Centre.")).toEqual([]);
  expect(namesInByline("By March 2025 every trust will have an electronic record.")).toEqual([]);
  expect(namesInByline("By continuing to use our website you consent to cookies")).toEqual([]);
  expect(namesInCreditLine("NHS England Digital Team")).toEqual([]);
  expect(namesInCreditLine("Skin Analytics")).toEqual([]); // a bare two words may be a company or a credit
});

it("reads credit lines and standfirsts under a headline", () => {
  expect(namesInCreditLine("Mark Say Managing Editor")).toEqual(["Mark Say"]);
  expect(namesInCreditLine("dpeters@example.com (Dale Peters)")).toEqual(["Dale Peters"]);
  expect(
    namesInStandfirst("What is missing is a plan, write Tim Horton and Malte Gerhold from the Health Foundation"),
  ).toEqual(["Tim Horton", "Malte Gerhold"]);
  expect(namesInStandfirst("With a decision due, Rachel Hutchings explores how many people opt out.")).toEqual([
    "Rachel Hutchings",
  ]);
  expect(namesInStandfirst("Digital lead Dr Sam Okafor explains how the pilot was run.")).toEqual(["Dr Sam Okafor"]);
  // A colon after the verb opens a quoted speaker's words: the story's people, not its writer.
  expect(namesInStandfirst("Consultant radiologist Dr Sam Okafor explains: “Referrals have doubled.”")).toEqual([]);
});

it("reads a byline set in capitals and the labels pages put before a writer", () => {
  expect(namesInByline("BY JANE DOE")).toEqual(["Jane Doe"]);
  expect(namesInByline("Words: Priya Raman")).toEqual(["Priya Raman"]);
  expect(namesInByline("Reporter: Oluwaseun Adeyemi")).toEqual(["Oluwaseun Adeyemi"]);
  expect(namesInByline("Guest blog: Dr Sam Barclay")).toEqual(["Dr Sam Barclay"]);
  expect(namesInByline("Report authors: Lucy Knight, Ruth Lowe")).toEqual(["Lucy Knight", "Ruth Lowe"]);
  expect(namesInByline("Posted by jo bloggs on 12 March 2024")).toEqual(["Jo Bloggs"]);
  // A headline after a piece's label is no writer.
  expect(namesInByline("Opinion: Why the NHS needs a digital workforce plan")).toEqual([]);
});

it("reads round 6's byline forms and refuses their look-alikes", () => {
  // A byline in capitals behind a list glyph, with the writer's email and handle after the name.
  expect(namesInByline("- By JANE DOE jane.doe@paper.co.uk @janedoepaper")).toEqual(["Jane Doe"]);
  expect(namesInByline("Submitted by: Jo Bloggs")).toEqual(["Jo Bloggs"]);
  expect(namesInByline("Contributors: Ann Lee, Ben Ode and Cara Fox")).toEqual(["Ann Lee", "Ben Ode", "Cara Fox"]);
  // A contributors' page heading with no names is no byline.
  expect(namesInByline("Contributors")).toEqual([]);
  expect(namesInInlineByline("Video report by Anytown Radio News's Jane Doe")).toEqual(["Jane Doe"]);
  expect(namesInStandfirst("The trust told a board meeting in May. Jane Doe reports.")).toEqual(["Jane Doe"]);
  // A news agency or a paper reporting is no person.
  expect(namesInStandfirst("The deal was signed in May, The Times reports.")).toEqual([]);
  expect(namesInStandfirst("Jane Doe reports that the deal was signed in May.")).toEqual([]);
  expect(writerOpeningStandfirst("GP partner Jane Doe blogs about her first year with an AI scribe")).toEqual([
    "Jane Doe",
  ]);
});

it("reads the byline forms of the retired holdout pages and refuses their look-alikes", () => {
  expect(namesInByline("Report by: Dr Vin Diwakar, National Director for Transformation (interim)")).toEqual([
    "Dr Vin Diwakar",
  ]);
  expect(namesInByline("Report by the National Audit Office finds gaps in cyber security")).toEqual([]);
  expect(
    namesInStandfirst("But how important is it to design records with patients? Jennifer Trueland investigates."),
  ).toEqual(["Jennifer Trueland"]);
  expect(namesInStandfirst("The regulator has opened a case. The Information Commissioner investigates.")).toEqual([]);
  expect(
    namesInStandfirst(
      "With technology always a talking point, Sarah Scobie and Laura Schlepper take a closer look at five claims.",
    ),
  ).toEqual(["Sarah Scobie", "Laura Schlepper"]);
  expect(
    namesInStandfirst(
      "The two first CNIOs in primary care, Cheryl O’Sullivan and Louse Bell in Dorset, explain how their role is crucial.",
    ),
  ).toEqual(["Cheryl O’Sullivan", "Louse Bell"]);
  // Past tense: a news report on what two patients said, not a piece they wrote.
  expect(namesInStandfirst("Two patients, John Hale and Mary Rowe, explained how the app helped them.")).toEqual([]);
  expect(
    namesInCreditLine(
      "Jacob Lant, Nicola Perrin (Association of Medical Research Charities) and Nicola Hamilton (UPD).",
    ),
  ).toEqual(["Jacob Lant", "Nicola Perrin", "Nicola Hamilton"]);
  expect(namesInCreditLine("Guy’s and St Thomas’ (GSTT) and King’s College Hospital (KCH).")).toEqual([]);
});

it("takes no name from a title-case line whose tail is no role", () => {
  expect(namesInCreditLine("Will Smart Technology Transform the NHS")).toEqual([]);
  expect(namesInCreditLine("Mark Say Managing Editor")).toEqual(["Mark Say"]);
  expect(namesInCreditLine("Jane Smith Head of Digital at Lewisham and Greenwich")).toEqual(["Jane Smith"]);
});

it("reads round 8's author forms and refuses their look-alikes", () => {
  expect(organisationAuthor("Author: Health and Social Care Committee")).toBe("Health and Social Care Committee");
  expect(organisationAuthor("Author: nick smith")).toBeNull();
  expect(organisationAuthor("Health and Social Care Committee")).toBeNull();
  expect(letterWriter("Letter to Regulatory Horizons Council (RHC) from Baroness Merron")).toBe("Baroness Merron");
  expect(letterWriter("Open letter from Jane Doe")).toBe("Jane Doe");
  expect(letterWriter("Letter from the Chief Executive")).toBeNull();
  expect(
    namesInStandfirst(
      "In this blog, Understanding Patient Data (UPD) Policy and Engagement Manager Emma Lagerstedt outlines what this means.",
    ),
  ).toEqual(["Emma Lagerstedt"]);
  expect(namesInStandfirst("In this blog, the policy team outlines what this means.")).toEqual([]);
  // A film's or a podcast's speaker is not the page's writer.
  expect(namesInStandfirst("In this short film, Dr Jane Doe explains why records matter.")).toEqual([]);
  expect(namesInCreditLine("Eleventh Special Report of Session 2022–23")).toEqual([]);
});
