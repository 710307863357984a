/** The App Home tab: what the bot does, the latest briefing, and help. */

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { SlackBlock } from "../block-kit.js";
import { renderBlocks } from "../render-blocks.js";
import type { ListenerDeps } from "./listener-deps.js";

/** Slack's limit for a Home tab view. */
const HOME_BLOCKS = 100;

const INTRO: SlackBlock[] = [
  { type: "header", text: { type: "plain_text", text: "nhsai: AI and digital news for NHS teams", emoji: true } },
  {
    type: "section",
    text: {
      type: "mrkdwn",
      text:
        "I brief NHS digital teams on AI and digital news from the articles in my library. " +
        "Type `/nhsai digest` for today's Coffee Time briefing, `/nhsai funding` for a topic, or ask me a question " +
        "in a direct message. I'm a news bot: I don't give clinical advice.",
    },
  },
  { type: "divider" },
];

/** `app_home_opened`: the Home tab is drawn afresh each time it is opened. */
export async function onAppHomeOpened(
  deps: ListenerDeps,
  { event, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs,
): Promise<void> {
  if (event.tab !== "home") return;
  const now = deps.now();
  const [digestReply, helpReply] = await Promise.all([
    deps.service.handle({ kind: "digest", topic: null }, { now }),
    deps.service.handle({ kind: "help" }, { now }),
  ]);
  const digest = renderBlocks(digestReply)[0]?.blocks ?? [];
  const help = renderBlocks(helpReply)[0]?.blocks ?? [];
  const blocks = [...INTRO, ...digest.filter((b) => b.type !== "actions"), { type: "divider" } as const, ...help];
  await client.views.publish({ user_id: event.user, view: { type: "home", blocks: blocks.slice(0, HOME_BLOCKS) } });
}
