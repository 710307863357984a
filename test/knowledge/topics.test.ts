import { describe, expect, it } from "vitest";
import { findTopic, TOPIC_IDS, TOPICS, tagTopics } from "../../src/knowledge/topics.js";
import { seedLibrary } from "../answers/seed-fixtures.js";

describe("topic taxonomy", () => {
  it("covers the nine NHS topics, each with a label", () => {
    expect(TOPIC_IDS).toHaveLength(9);
    for (const t of TOPICS) expect(t.label.length).toBeGreaterThan(3);
  });

  it("finds topics by the words people use for them", () => {
    expect(findTopic("cyber")?.id).toBe("safety");
    expect(findTopic("security")?.id).toBe("safety");
    expect(findTopic("Safety & Security")?.id).toBe("safety");
    expect(findTopic("money")?.id).toBe("funding");
    expect(findTopic("investment")?.id).toBe("funding");
    expect(findTopic("staff")?.id).toBe("workforce");
    expect(findTopic("diagnostics and clinical AI")?.id).toBe("diagnostics");
    expect(findTopic("weather")).toBeUndefined();
    expect(findTopic("")).toBeUndefined();
  });

  it("tags a sentence with every topic it speaks to", () => {
    const tags = tagTopics("The £21m investment will help trusts deploy AI tools to analyse x-rays and CT scans.");
    expect(tags).toContain("funding");
    expect(tags).toContain("diagnostics");
    expect(tags).not.toContain("workforce");
  });

  it("tags every seed passage and document from the taxonomy", () => {
    const library = seedLibrary();
    for (const entry of library.all()) {
      expect(entry.topics.length, entry.document.id).toBeGreaterThan(0);
      for (const t of entry.topics) expect(TOPIC_IDS).toContain(t);
    }
    const lungCancer = library.get("nhe-21m-ai-lung-cancer");
    expect(lungCancer?.topics).toEqual(expect.arrayContaining(["funding", "diagnostics", "infrastructure"]));
  });
});
