/**
 * The local chat: today's Coffee Time briefing first, then a prompt where you type what you would
 * type after `/nhsai` in Slack, or any question. Line editing and history come from
 * node:readline. As in bash or node's REPL, Ctrl-C clears a half-typed line and, pressed twice on an
 * empty one, leaves; `exit`, `quit` or Ctrl-D (end of input) leave at once, with status 0. An empty
 * line shows help.
 */

import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { type BriefingService, type Conversation, type Reply, sanitiseText } from "../../src/index.js";
import { parseTerminalText } from "./parse.js";
import { inlineCommand, renderText, type TextStyle } from "./render-text.js";

export interface ShellOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The facade, with no store: the session's memory lasts this process (30 minutes). */
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

/** Something to type, as the renderer shows it: bold on a TTY, in backticks otherwise. */
function code(command: string, style: TextStyle): string {
  const { text } = inlineCommand(command, style);
  return style.color ? `\u001b[1m${text}\u001b[22m` : text;
}

function greeting(style: TextStyle): string {
  return `Type a question, a topic such as ${code("funding", style)}, or ${code("help", style)}. Ctrl-D or ${code("exit", style)} to leave.`;
}

/**
 * An answer's title is the question just typed (and echoed when piped): it need not be printed
 * again. A summary's or "more"'s title names the article, so it stays.
 */
function repeatsQuestion(reply: Reply): boolean {
  if (reply.kind !== "answer") return false;
  const title = reply.title.replace(/…$/, "");
  return reply.title === "Your question" || reply.question.startsWith(title);
}

/** Runs the shell until the input ends; resolves to the exit status. */
export function runShell(options: ShellOptions): Promise<number> {
  const { input, output, service, now, style, terminal } = options;
  const say = (text: string) => output.write(text);
  // One conversation per session: its memory is never another session's.
  const session: Conversation = {
    platform: "shell",
    channelId: `session:${randomUUID()}`,
    userId: "terminal",
    scope: "personal",
    mayManageChannel: async () => false,
  };
  const show = async (reply: () => Reply | Promise<Reply>) => {
    try {
      const shown = await reply();
      say(`${renderText(shown, style, { withTitle: !repeatsQuestion(shown) })}\n`);
    } catch (error) {
      options.logError?.(error);
      say(`Sorry, something went wrong with that. Please try again, or type ${code("help", style)}.\n\n`);
    }
  };
  const respond = (line: string) => service.handle(parseTerminalText(line), { conversation: session, now: now() });

  const rl = createInterface({
    input,
    output,
    terminal,
    prompt: PROMPT,
    historySize: 200,
    removeHistoryDuplicates: true,
  });
  // Replies are written in the order the lines came, even when one waits on the memory. The
  // opening briefing is the session's first reply: "more" brings the next stories.
  let turns = show(() => respond("digest")).then(() => {
    say(`${greeting(style)}\n\n`);
    rl.prompt();
  });

  let closed = false;
  let interrupted = false;
  rl.on("line", (line) => {
    // readline still delivers lines it had buffered when `exit` closed it.
    if (closed) return;
    interrupted = false;
    const text = line.trim();
    if (/^(exit|quit|bye)$/i.test(text)) {
      closed = true;
      turns = turns.then(() => {
        if (!terminal) say(`${sanitiseText(line)}\n`);
        rl.close();
      });
      return;
    }
    turns = turns.then(async () => {
      // Piped input is not echoed by a terminal: echo it, so the transcript reads as a conversation.
      if (!terminal) say(`${sanitiseText(line)}\n`);
      await show(() => respond(text || "help"));
      if (!closed) rl.prompt();
    });
  });
  rl.on("SIGINT", () => {
    if (rl.line.length === 0 && interrupted) {
      rl.close();
      return;
    }
    // Clear what was typed (Ctrl-E then Ctrl-U, as readline binds them) and start a fresh line.
    const hadText = rl.line.length > 0;
    rl.write(null, { ctrl: true, name: "e" });
    rl.write(null, { ctrl: true, name: "u" });
    say(hadText ? "^C\n" : `\n(To leave, press Ctrl-C again, Ctrl-D, or type ${code("exit", style)}.)\n`);
    interrupted = !hadText;
    rl.prompt();
  });
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
