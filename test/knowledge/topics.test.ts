import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLabelledCorpus } from "../../scripts/labelled-articles.js";
import { type Choice, finalModel } from "../../scripts/topic-training.js";
import { readTextCapture } from "../../src/ingest/read-text.js";
import type { TopicModelData } from "../../src/knowledge/topic-model.js";
import { documentTopics, findTopic, TOPIC_IDS, TOPICS, type TopicId } from "../../src/knowledge/topics.js";
import { ROOT, seedLibrary } from "../helpers/factories.js";

/** Real published captures, with their chrome, that are in none of the readers' labelled sets. */
const UNSEEN = join(import.meta.dirname, "fixtures", "topics");

function unseen(file: string): { title: string; paragraphs: string[] } {
  const read = readTextCapture(readFileSync(join(UNSEEN, file), "utf8"));
  if (!read.ok) throw new Error(`${file}: ${read.reason}`);
  const paragraphs = read.value.paragraphs.map((p) => p.text);
  return { title: read.value.title ?? paragraphs[0] ?? "", paragraphs };
}

const filed = (file: string, title?: string): TopicId[] => {
  const article = unseen(file);
  return documentTopics(title ?? article.title, article.paragraphs);
};

describe("topic taxonomy", () => {
  it("covers the nine NHS topics, each with a label and a definition", () => {
    expect(TOPIC_IDS).toHaveLength(9);
    for (const t of TOPICS) {
      expect(t.label.length).toBeGreaterThan(3);
      expect(t.description.split(" ").length).toBeGreaterThan(5);
    }
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
});

describe("the learned classifier on real articles it was not trained on", () => {
  it("uses fixtures that are in none of the labelled captures", () => {
    const labelled = ["corpus", "holdout"].flatMap((set) => {
      const dir = join(ROOT, "test", "fixtures", set, "captures");
      return readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
    });
    for (const file of readdirSync(UNSEEN)) {
      const opening =
        unseen(file)
          .paragraphs.find((p) => p.length > 80)
          ?.slice(0, 80) ?? file;
      expect(
        labelled.some((text) => text.includes(opening)),
        file,
      ).toBe(false);
    }
  });

  it("files a ransomware attack on a trust under safety & security", () => {
    expect(filed("walsall-cyber-security-update.txt")[0]).toBe("safety");
  });

  it("does not make a contract story a security story because its headline says it 'secures' a deal", () => {
    const secures = "Tech giant DXC secures six year deal to deliver major NHS Supply Chain IT contract";
    expect(filed("hsj-dxc-supply-chain-contract.txt", secures)).not.toContain("safety");
    expect(filed("hsj-dxc-supply-chain-contract.txt", secures)).toEqual(
      filed("hsj-dxc-supply-chain-contract.txt", secures.replace("secures", "wins")),
    );
    expect(filed("hospitalmanagement-nhs111-contract-extension.txt")).not.toContain("safety");
  });

  it("never files a topic on the headline alone: the body must support it", () => {
    const alarm = "Ransomware cyber attack: hackers breach hospital security";
    for (const file of [
      "hsj-dxc-supply-chain-contract.txt",
      "beckers-discharge-algorithm.txt",
      "nhs-app-six-million-users.txt",
    ])
      expect(filed(file, alarm), file).not.toContain("safety");
  });

  it("does not file engagement on every article that mentions patients, only where the public is the story", () => {
    const mentioningPatients = readdirSync(UNSEEN).filter((f) =>
      /\bpatients\b/.test(readFileSync(join(UNSEEN, f), "utf8")),
    );
    expect(mentioningPatients.length).toBeGreaterThanOrEqual(4);
    const engaged = mentioningPatients.filter((f) => filed(f).includes("engagement"));
    expect(engaged).toEqual(["nhs-app-six-million-users.txt"]);
  });

  it("files the story a news editor would: contracts as money, discharge as operations", () => {
    expect(filed("hospitalmanagement-nhs111-contract-extension.txt")).toContain("funding");
    expect(filed("beckers-discharge-algorithm.txt")).toContain("operations");
  });

  it("reads a sum of money in any currency as money: it makes a contract story a funding story first", () => {
    const contract = (worth: string) =>
      documentTopics("", [`NHS England has awarded a seven-year contract${worth} to run its federated data platform.`]);
    expect(contract("")[0]).not.toBe("funding");
    for (const worth of [" worth $412.66 million", " worth €380m", " worth £330m", " worth 2.1bn dollars"])
      expect(contract(worth)[0], worth).toBe("funding");
  });

  it("files nothing for text it has no words for", () => {
    expect(documentTopics("", [])).toEqual([]);
    expect(documentTopics("Zxqv wqorp", ["Blorft snarkle vint quabble."])).toEqual([]);
  });

  it("files one to three topics an article", () => {
    for (const file of readdirSync(UNSEEN)) {
      const topics = filed(file);
      expect(topics.length, file).toBeGreaterThanOrEqual(1);
      expect(topics.length, file).toBeLessThanOrEqual(3);
      expect(new Set(topics).size).toBe(topics.length);
    }
  });
});

describe("the seed library", () => {
  const library = seedLibrary();

  it("files every seed article under one to three topics, the £21m story under funding", () => {
    for (const entry of library.all()) {
      expect(entry.topics.length, entry.document.id).toBeGreaterThanOrEqual(1);
      expect(entry.topics.length, entry.document.id).toBeLessThanOrEqual(3);
    }
    expect(library.get("nhe-21m-ai-lung-cancer")?.topics).toContain("funding");
  });

  it("tags the sentences that speak to a topic, not every sentence", () => {
    const passages = library.all().flatMap((e) => e.passages);
    const money = passages.find((p) => p.text.startsWith("The £21m investment will be ringfenced"));
    expect(money?.topics).toContain("funding");
    const untagged = passages.filter((p) => p.topics.length === 0).length;
    expect(untagged).toBeGreaterThan(0);
    for (const p of passages) for (const t of p.topics) expect(TOPIC_IDS).toContain(t);
  });
});

describe("the committed model", () => {
  const committed = JSON.parse(
    readFileSync(join(ROOT, "src", "knowledge", "topic-model.json"), "utf8"),
  ) as TopicModelData;
  const corpus = loadLabelledCorpus(ROOT);

  it("is what scripts/train-topics.ts makes from the committed labels and captures (no drift)", () => {
    const choice = committed.trainedOn as unknown as Choice;
    expect(finalModel(corpus, choice)).toEqual(committed);
  });

  it("learned from train and validation articles only: the holdout's labels and text change nothing", () => {
    const choice = committed.trainedOn as unknown as Choice;
    const scrambled = corpus.articles.map((a) =>
      a.split === "holdout" ? { ...a, gold: ["funding" as const], paragraphs: ["Money money money."] } : a,
    );
    expect(finalModel({ ...corpus, articles: scrambled }, choice)).toEqual(committed);
    expect(committed.trainedOn.articles).toBe(corpus.articles.filter((a) => a.split !== "holdout").length);
    expect(corpus.articles.filter((a) => a.split === "holdout").length).toBeGreaterThanOrEqual(30);
  });
});
