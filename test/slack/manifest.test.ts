/** The manifests ask Slack for what the app handles, and nothing it does not. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/factories.js";

const read = (name: string) => readFileSync(join(ROOT, "adapters", "slack", name), "utf8");
/** The items of the YAML list under `key:` (the lines right after it that start with "- "). */
const listed = (yaml: string, key: string) => {
  const lines = (yaml.split(`${key}:\n`)[1] ?? "").split("\n");
  const items = lines.slice(
    0,
    lines.findIndex((line) => !/^\s+- /.test(line)),
  );
  return items.map((line) => line.replace(/^\s+- /, ""));
};

describe.each([
  ["manifest.yaml", false],
  ["manifest.socket-mode.yaml", true],
])("%s", (name, socket) => {
  const yaml = read(name);
  it("declares /nhsai, the events the listeners handle, and the least scopes", () => {
    expect(yaml).toContain("command: /nhsai");
    expect(listed(yaml, "bot_events").sort()).toEqual(["app_home_opened", "app_mention", "message.im"]);
    expect(listed(yaml, "bot").sort()).toEqual([
      "app_mentions:read",
      "channels:read",
      "chat:write",
      "commands",
      "groups:read",
      "im:history",
      "im:write",
      "mpim:read",
    ]);
    expect(yaml).toContain(`socket_mode_enabled: ${socket}`);
    expect(yaml.includes("/slack/events")).toBe(!socket);
  });
});
