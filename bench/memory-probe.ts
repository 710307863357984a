/**
 * Run in a child process by the bench (`node --expose-gc dist/bench/memory-probe.js`): resident
 * memory of a fresh process before and after it loads the seed library and answers one question,
 * as `nhsai ask` or a chat bot holding the seeds does. Prints one JSON line.
 */

import { memoryAfterGc } from "./memory.js";

const before = memoryAfterGc();
const { answerQuestion } = await import("../src/answers/answer-question.js");
const { openSeedLibrary } = await import("../adapters/cli/open-library.js");
const library = openSeedLibrary();
answerQuestion(library, "How much AI funding is going to NHS trusts for lung cancer?");
const after = memoryAfterGc();
process.stdout.write(
  `${JSON.stringify({ emptyRssMb: before.rssMb, rssMb: after.rssMb, heapMb: after.heapMb, passages: library.passageCount })}\n`,
);
