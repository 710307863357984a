/**
 * Run in a child process by the bench (`node --expose-gc dist/bench/seeds-probe.js`): a process
 * that holds only the seed library, as `nhsai ask` or a chat bot holding the seeds does. Reports
 * its resident memory before and after loading the seeds and answering one question; the p99 of
 * the first 1,000 questions while the JIT is still cold; then, after the warm-up questions, the
 * latency of 1,000 more, timed three times over with the median of each figure kept (one run's
 * p99 is its tenth-slowest call, which one stray pause of this shared machine can set). Prints
 * one JSON line. (In the bench process itself the seeds would be answered by code V8 had
 * already shaped for the 200k library.)
 */

import { memoryAfterGc } from "./memory.js";

const before = memoryAfterGc();
const { QUESTIONS, WARMUP_QUESTIONS } = await import("./context.js");
const { generateQuestions, sentencesOf } = await import("./generate-questions.js");
const { latencies, median, percentile } = await import("./percentiles.js");
const { answerQuestion } = await import("../src/answers/answer-question.js");
const { openSeedLibrary } = await import("../adapters/cli/open-library.js");
const library = openSeedLibrary();
answerQuestion(library, "How much AI funding is going to NHS trusts for lung cancer?");
const after = memoryAfterGc();

const sentences = sentencesOf(library);
const fresh = latencies(generateQuestions(sentences, 1_000, 7), (q) => answerQuestion(library, q));
const questions = generateQuestions(sentences, QUESTIONS, 1);
const warmup = generateQuestions(sentences, WARMUP_QUESTIONS, 4);
const runs = [0, 1, 2].map((run) => latencies(questions, (q) => answerQuestion(library, q), run === 0 ? warmup : []));
const figure = (p: number) => median(runs.map((times) => percentile(times, p)));
const answered = questions.filter((q) => !answerQuestion(library, q).abstained).length;
process.stdout.write(
  `${JSON.stringify({
    emptyRssMb: before.rssMb,
    rssMb: after.rssMb,
    heapMb: after.heapMb,
    passages: library.passageCount,
    freshP99Ms: percentile(fresh, 99),
    p50Ms: figure(50),
    p99Ms: figure(99),
    maxMs: figure(100),
    answeredRate: answered / questions.length,
    example: questions.slice(0, 3),
  })}\n`,
);
