import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLabelledCorpus } from "../../scripts/labelled-articles.js";
import { articleFeatures, definitionFeatures } from "../../scripts/topic-training.js";
import { countCasing, MIN_ARTICLES, MIN_PUBLISHERS, nameTerms } from "../../scripts/topic-vocabulary.js";
import { LEAD_WORD, type TopicModelData } from "../../src/knowledge/topic-model.js";
import { TOPICS } from "../../src/knowledge/topics.js";
import { ROOT } from "../helpers/factories.js";

describe("telling names from topic words by how a text writes them", () => {
  const names = nameTerms(
    countCasing([
      "The trust said Quillon would lead the rollout. Staff met Quillon at the hospital on Monday.",
      "Rollout plans were shared. A spokesperson for the MHRA said the rollout was safe.",
      "Its Rollout Plan For Every Ward. Later the board approved the rollout and its funding.",
      'He said: "Funding is tight." The funding came from the trust, and Trust leaders agreed.',
    ]),
  );

  it("takes a word written capitalised in the middle of every sentence it is in for a name", () => {
    expect(names.has("quillon")).toBe(true);
    expect(names.has("mondai")).toBe(true);
  });

  it("keeps a word capitalised only where a sentence, a quotation or a title-case heading starts", () => {
    expect(names.has("rollout")).toBe(false);
    expect(names.has("fund")).toBe(false);
  });

  it("keeps a word written both ways, and an abbreviation in capitals", () => {
    expect(names.has("trust")).toBe(false);
    expect(names.has("mhra")).toBe(false);
  });
});

describe("the committed model's features", () => {
  const model = JSON.parse(readFileSync(join(ROOT, "src", "knowledge", "topic-model.json"), "utf8")) as TopicModelData;
  const learnedFrom = loadLabelledCorpus(ROOT).articles.filter((a) => a.split !== "holdout");
  // A headline's or an opening's word ("lead:…") is judged as the word itself.
  const words = (feature: string) => feature.replace(LEAD_WORD, "").split(" ");

  it("hold no word that the training text only ever writes capitalised mid-sentence (a person, a place, a firm)", () => {
    const names = nameTerms(countCasing(learnedFrom.flatMap((a) => a.paragraphs)), 1);
    expect(names.size).toBeGreaterThan(50);
    const named = model.features.filter((f) => words(f).some((w) => names.has(w)));
    expect(named).toEqual([]);
  });

  it("are each used by several articles from several publishers, or come from a topic's definition", () => {
    const priors = new Set(TOPICS.flatMap((t) => [...definitionFeatures(t).keys()]));
    const articles = new Map<string, number>();
    const publishers = new Map<string, Set<string>>();
    for (const article of learnedFrom) {
      for (const feature of articleFeatures(article, model).withTitle.keys()) {
        articles.set(feature, (articles.get(feature) ?? 0) + 1);
        publishers.set(feature, (publishers.get(feature) ?? new Set()).add(article.publisher));
      }
    }
    const narrow = model.features.filter(
      (f) =>
        !priors.has(f) && ((articles.get(f) ?? 0) < MIN_ARTICLES || (publishers.get(f)?.size ?? 0) < MIN_PUBLISHERS),
    );
    expect(narrow).toEqual([]);
    expect(model.features.length).toBeGreaterThan(500);
  });
});
