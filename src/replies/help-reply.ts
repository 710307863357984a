import { command, type HelpReply, paragraph, runsFromMessage, text } from "../reply.js";

const COMMANDS: [example: string, what: string][] = [
  ["digest", " — today's Coffee Time briefing; add a topic for just that topic, e.g. `digest funding`"],
  ["what's new", " — today's briefing, asked in your own words; `news on cyber` for one topic"],
  ["funding", " — what the library says on one topic (any topic works; `funding all` shows every fact)"],
  ["topics", " — the topics I follow"],
  ["ask How much is the lung cancer AI funding?", " — a cited answer (or just type the question)"],
  ["more", " — what else the last answer's article says (I remember it for 30 minutes)"],
  ["summarise <article>", " — an article's key sentences; name it by its headline, publisher or subject"],
  ["sources", " — the articles I hold"],
  [
    "subscribe weekdays at 9am",
    " — in a Slack channel or Teams chat: its briefing on a schedule; add `with review` to have editors approve each one first (`schedule` shows it, `unsubscribe` stops it)",
  ],
  ["about", " — what I am, and what I am not"],
  ["help", " — this list"],
];

/** What the bot can do, with an example of each command. */
export function helpReply(): HelpReply {
  return {
    kind: "help",
    title: "What nhsai can do",
    sections: [
      {
        heading: null,
        blocks: [
          paragraph(
            text(
              "I brief NHS digital teams on AI and digital news, quoting my sources. Type a command or ask a question.",
            ),
          ),
        ],
      },
      {
        heading: [text("Commands")],
        blocks: [
          {
            type: "bullets",
            items: COMMANDS.map(([example, what]) => ({
              runs: [command(example), ...runsFromMessage(what)],
              citation: null,
            })),
          },
        ],
      },
      {
        heading: null,
        blocks: [
          {
            type: "note",
            runs: [text("I don't give clinical advice: for that, use NHS 111 or speak to a GP or pharmacist.")],
          },
        ],
      },
    ],
    citations: [],
    actions: [],
  };
}
