import { answerQuestion, intentAnswer, publishedLabelOf, redactNhsNumbers } from "../../src/index.js";
import type { CliIo } from "./cli-io.js";
import { openLibrary } from "./open-library.js";
import { parseFlags } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

/** `nhsai ask "<question>" [--json]` */
export async function askCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: "boolean" } });
  // An NHS number typed by mistake is not echoed back in the answer's `question`.
  const question = redactNhsNumbers(positionals.join(" ").trim());
  if (!question) throw new UsageError('give a question, e.g. nhsai ask "How much is the lung cancer AI funding?"');
  const library = await openLibrary(io.env);
  // "thanks", "what's new", "summarise the charter article": the same JSON shape as an answer.
  const answer = intentAnswer(library, question, new Date()) ?? answerQuestion(library, question);
  if (values.json) {
    const { reason: _reason, ...contract } = answer;
    io.stdout(`${JSON.stringify(contract, null, 2)}\n`);
  } else {
    // The answer already quotes its source; below it, which article that is.
    io.stdout(`${answer.answer}\n`);
    for (const c of answer.citations)
      io.stdout(`\nSource: “${c.title}” — ${c.publisher}, ${publishedLabelOf(c.published)}\n`);
  }
  return 0;
}
