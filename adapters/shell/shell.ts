/**
 * The local chat: today's Coffee Time briefing first, then a prompt where you type what you would
 * type after `/nhsai` in Slack, or any question. Line editing and history come from
 * node:readline; `exit`, `quit`, Ctrl-C or Ctrl-D (end of input) leave with status 0.
 */

import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { BriefingService } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import { Conversations } from "../../src/conversation/conversations.js";
import { type ConversationMemory, processMemory } from "../../src/conversation/memory.js";
import type { Reply } from "../../src/reply.js";
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
  /** What the session remembers of its last answer ("tell me more"); default: this process, 30 minutes. */
  memory?: ConversationMemory;
}

export const PROMPT = "nhsai> ";
const GREETING = "Type a question, a topic such as `funding`, or `help`. Ctrl-D or `exit` to leave.";

/** Runs the shell until the input ends; resolves to the exit status. */
export function runShell(options: ShellOptions): Promise<number> {
  const { input, output, service, now, style, terminal } = options;
  const say = (text: string) => output.write(text);
  const conversations = new Conversations(service, options.memory ?? processMemory(), options.logError);
  // One conversation per session: its memory is never another session's.
  const session = `shell:${randomUUID()}`;
  const keys = { recall: session, remember: [session] };
  const show = async (reply: () => Reply | Promise<Reply>) => {
    try {
      say(`${renderText(await reply(), style)}\n`);
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
  // Answers are written in the order the lines came, even when one waits on the memory.
  // The opening briefing is the session's first reply: "more" brings the next stories.
  const opening = () => conversations.respond({ kind: "digest", topic: null }, "digest", keys, { now: now() });
  let turns = show(opening).then(() => {
    say(`${GREETING}\n\n`);
    rl.prompt();
  });

  let closed = false;
  rl.on("line", (line) => {
    // readline still delivers lines it had buffered when `exit` closed it.
    if (closed) return;
    const text = line.trim();
    if (/^(exit|quit|bye)$/i.test(text)) {
      closed = true;
      turns = turns.then(() => {
        if (!terminal) say(`${line}\n`);
        rl.close();
      });
      return;
    }
    turns = turns.then(async () => {
      // Piped input is not echoed by a terminal: echo it, so the transcript reads as a conversation.
      if (!terminal) say(`${line}\n`);
      if (text) await show(() => conversations.respond(parseCommand(text), text, keys, { now: now() }));
      if (!closed) rl.prompt();
    });
  });
  rl.on("SIGINT", () => rl.close());
  return new Promise((resolve) => {
    rl.on("close", () => {
      closed = true;
      void turns.then(() => {
        say("\nBye.\n");
        resolve(0);
      });
    });
  });
}
