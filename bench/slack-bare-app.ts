/**
 * The baseline for the Slack bench, run as a child process: a bare Bolt app on its own
 * HTTPReceiver that verifies the signature and only acks `/nhsai`. Prints "ready <port>".
 */

import { App, LogLevel } from "@slack/bolt";

const [secret = "", apiUrl = ""] = process.argv.slice(2);
const app = new App({
  signingSecret: secret,
  token: "xoxb-bench",
  clientOptions: { slackApiUrl: apiUrl },
  logLevel: LogLevel.ERROR,
});
app.command("/nhsai", async ({ ack }) => {
  await ack();
});
const server = (await app.start(0)) as { address(): { port: number } };
process.stdout.write(`ready ${server.address().port}\n`);
