/** The loopback Slack's conversations.open, answering as Slack does: the bot's DM channel with the person ("DU1"). */

import type { ServerResponse } from "node:http";
import type { ApiCall, FakeSlack } from "./fake-slack.js";

export function openDms(fake: FakeSlack, count: number): void {
  const open = (res: ServerResponse, call: ApiCall) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, channel: { id: `D${String(call.args.users)}` } }));
  };
  fake.script("conversations.open", ...Array.from({ length: count }, () => open));
}
