/** The reply model's runs as Slack mrkdwn: every piece of text escaped, links only to http(s). */

import type { Run } from "../../src/index.js";
import { escapeText, linkTarget } from "./escape-text.js";

export function mrkdwn(runs: readonly Run[]): string {
  return runs.map(runToMrkdwn).join("");
}

function runToMrkdwn(run: Run): string {
  switch (run.type) {
    case "text": {
      const text = escapeText(run.text);
      if (!text.trim()) return text;
      return run.style === "strong" ? `*${text}*` : run.style === "subtle" ? `_${text}_` : text;
    }
    case "command":
      return `\`${escapeText(run.text).replace(/`/g, "'")}\``;
    case "link": {
      const url = linkTarget(run.url);
      const label = escapeText(run.text).replace(/\|/g, "¦");
      return url ? `<${url}|${label}>` : escapeText(run.text);
    }
    default: {
      const unreachable: never = run;
      throw new Error(`no mrkdwn for run ${JSON.stringify(unreachable)}`);
    }
  }
}
