/**
 * The clinical guard on personal health questions phrased in many ways (first person, someone
 * close, symptoms, results, medicines, "should I / can I / is it safe"), and on news questions
 * that mention prescriptions, scans or medicines, which it must let through.
 */

import { describe, expect, it } from "vitest";
import { isClinicalQuestion } from "../../src/answers/clinical-guard.js";

const PERSONAL = [
  "What does my CT scan result mean?",
  "I have chest pain, what should I do?",
  "Should I take ibuprofen with my blood pressure tablets?",
  "Is it safe to give my baby paracetamol?",
  "my mum has a lump in her breast, is that cancer?",
  "How many paracetamol can I take in a day?",
  "Can I drink alcohol on antibiotics?",
  "My blood test says my cholesterol is 7, is that high?",
  "What are the symptoms of sepsis?",
  "Is a heart rate of 110 normal?",
  "Do I need to see a GP about my rash?",
  "Could my headaches be a brain tumour?",
  "What dose of insulin should my dad take?",
  "Can the AI read my x-ray and tell me if I have lung cancer?",
  "Is it dangerous to stop taking statins?",
  "My son keeps coughing at night - does he have asthma?",
  "I think I have Covid, should I isolate?",
  "how do i treat a burn",
  "What is the best treatment for migraine?",
  "i've had a sore throat for 3 weeks, is that bad",
  "what do my mri results show",
  "should my daughter get the hpv jab",
  "is my blood pressure of 150/95 too high?",
  "my GP prescribed sertraline, what are the side effects?",
  "my dad's been really tired and muddled all week, should we worry?",
  "can I take my nan's leftover antibiotics for a chest infection",
  "the symptom checker app said it's probably a virus, can I skip the GP?",
  "how do I know if my daughter is autistic",
  "my partner drinks every night and gets the shakes, what do we do",
  // Told as people tell it: no "I" at the start, a lab value, a relative with a describing word.
  "had stitches out yesterday and the wound is weeping. normal?",
  "got a rash on my arm since starting the new tablets",
  "the app says my eGFR is 52, is that kidney disease",
  "my elderly mum's glucose reading was 11 this morning",
  "baby swallowed a magnet what do i do",
  "can the skin checker AI tell me if the mole on my back is cancer",
];

const NEWS = [
  "How many people ordered repeat prescriptions through the NHS App?",
  "How much is the government investing in AI for lung cancer scans?",
  "What kind of scans will the lung cancer AI tools look at?",
  "Which trusts will use AI to read chest X-rays?",
  "How many prescriptions were issued via the NHS App last year?",
  "What does the MHRA say about AI medical devices?",
  "Can GPs use ambient scribes under the new guidance?",
  "Should trusts buy AI tools now, according to the article?",
  "What did the pathology cyberattack disrupt?",
  "How long did patients wait for blood test results after the cyberattack?",
  "How does the AI discharge tool help doctors?",
  "how many mammograms will the AI breast screening trial read?",
  "Can I book a GP appointment in the NHS App?",
  "got any news on cancer screening?",
  "had a look at the lung cancer AI money - how much is it?",
  "been hearing about the NHS App's test results feature, how many use it?",
  "how many trusts use AI for skin cancer checks",
];

describe("clinical guard", () => {
  for (const q of PERSONAL) it(`refuses: ${q}`, () => expect(isClinicalQuestion(q)).toBe(true));
  for (const q of NEWS) it(`answers news: ${q}`, () => expect(isClinicalQuestion(q)).toBe(false));
});
