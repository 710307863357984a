/**
 * The local chat: today's Coffee Time briefing first, then a prompt where you type what you would
 * type after `/nhsai` in Slack, or any question. Line editing and history come from
 * node:readline; `exit`, `quit`, Ctrl-C or Ctrl-D (end of input) leave with status 0.
 */

import { createInterface } from "node:readline";
import type { BriefingService } from "../../src/briefing-service.js";
import type { Reply } from "../../src/reply.js";
import { sanitiseText } from "../../src/text/sanitise-text.js";
import { renderText, type TextStyle } from "./render-text.js";

export interface ShellOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  service: BriefingService;
  /** The clock, read once per message. */
  now: () => Date;
  style: TextStyle;
  /** True when both ends are a TTY: line editing, history and colour. */
  terminal: boolean;
  /** Where errors are reported with their detail (the user sees a short line). */
  logError?: (error: unknown) => void;
}

export const PROMPT = "nhsai> ";
const GREETING = "Type a question, a topic such as `funding`, or `help`. Ctrl-D or `exit` to leave.";

/** Runs the shell until the input ends; resolves to the exit status. */
export function runShell(options: ShellOptions): Promise<number> {
  const { input, output, service, now, style, terminal } = options;
  const say = (text: string) => output.write(text);
  const show = (reply: () => Reply) => {
    try {
      say(`${renderText(reply(), style)}\n`);
    } catch (error) {
      options.logError?.(error);
      say("Sorry, something went wrong with that. Please try again, or type `help`.\n\n");
    }
  };

  const rl = createInterface({
    input,
    output,
    terminal,
    prompt: PROMPT,
    historySize: 200,
    removeHistoryDuplicates: true,
  });
  show(() => service.handle({ kind: "digest", topic: null }, { now: now() }));
  say(`${GREETING}\n\n`);
  rl.prompt();

  let closed = false;
  rl.on("line", (line) => {
    // readline still delivers lines it had buffered when `exit` closed it.
    if (closed) return;
    const text = line.trim();
    // Piped input is not echoed by a terminal: echo it, so the transcript reads as a conversation.
    if (!terminal) say(`${sanitiseText(line)}\n`);
    if (/^(exit|quit|bye)$/i.test(text)) {
      rl.close();
      return;
    }
    if (text) show(() => service.handleText(text, { now: now() }));
    rl.prompt();
  });
  rl.on("SIGINT", () => rl.close());
  return new Promise((resolve) => {
    rl.on("close", () => {
      closed = true;
      say("\nBye.\n");
      resolve(0);
    });
  });
}
