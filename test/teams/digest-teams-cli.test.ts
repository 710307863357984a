import { describe, expect, it } from "vitest";
import { runNhsai } from "../helpers/factories.js";
import { cardWarnings } from "./render-card-check.js";

describe("nhsai digest --format teams", () => {
  it("prints the digest as an Adaptive Card 1.5 that parses without warnings", async () => {
    const { code, stdout, stderr } = await runNhsai(["digest", "--format", "teams", "--topic", "funding"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const card = JSON.parse(stdout);
    expect(card.type).toBe("AdaptiveCard");
    expect(card.version).toBe("1.5");
    expect(cardWarnings(card)).toEqual([]);
    expect(stdout).toMatch(/£21m|21 million/);
  });
});
