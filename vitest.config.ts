import { defineConfig } from "vitest/config";

/**
 * Test files that start a process (the built `nhsai`, a store child), a loopback server (fake Slack,
 * Teams connector, fixture site, the HTTP server) or chromium: `npm test` runs them, `npm run
 * test:unit` does not. Every other test file is a unit test, and test/helpers/unit-guard.ts makes a
 * unit test that starts a process or a server fail, naming this list.
 */
const INTEGRATION = [
  "test/archive/*.test.ts",
  "test/cli/ask-cli.test.ts",
  "test/cli/command-digest-cli.test.ts",
  "test/cli/doctor-cli.test.ts",
  "test/cli/doctor-teams.test.ts",
  "test/cli/environment-file.test.ts",
  "test/cli/guarded-fetch.test.ts",
  "test/cli/ingest-cli.test.ts",
  "test/cli/schedules-cli.test.ts",
  "test/cli/serve-cli.test.ts",
  "test/cli/serve-feeds.test.ts",
  "test/conversation/slack-conversation.test.ts",
  "test/conversation/teams-conversation.test.ts",
  "test/conversation/terminal-conversation.test.ts",
  "test/http/http-server.test.ts",
  "test/http/metrics.test.ts",
  "test/ingest/bad-input.test.ts",
  "test/ingest/hostile-page.test.ts",
  "test/ingest/ingester.test.ts",
  "test/ingest/refresh.test.ts",
  "test/ingest/story-merge.test.ts",
  "test/ingest/syndication.test.ts",
  "test/ingest/who-wrote-it.test.ts",
  "test/schedules/review-processes.test.ts",
  "test/schedules/run-due-processes.test.ts",
  "test/schedules/serve-scheduler.test.ts",
  "test/schedules/slack-subscribe.test.ts",
  "test/schedules/teams-subscribe.test.ts",
  "test/serve/health-readiness.test.ts",
  "test/shell/shell.test.ts",
  "test/slack/events.test.ts",
  "test/slack/http-receiver.test.ts",
  "test/slack/proxy-fetch.test.ts",
  "test/slack/serve-limits.test.ts",
  "test/slack/serve-slack.test.ts",
  "test/slack/serve-store-lock.test.ts",
  "test/slack/slack-conversation.test.ts",
  "test/slack/slack-poster.test.ts",
  "test/slack/slack-review.test.ts",
  "test/slack/slash-command.test.ts",
  "test/slack/socket-mode.test.ts",
  "test/slack/socket-reconnect.test.ts",
  "test/store/ask-path.test.ts",
  "test/store/postgres-store.test.ts",
  "test/store/processes.test.ts",
  "test/store/serve-health.test.ts",
  "test/store/store-faults.test.ts",
  "test/teams/app-package.test.ts",
  "test/teams/digest-teams-cli.test.ts",
  "test/teams/messages-route.test.ts",
  "test/teams/playground-e2e.test.ts",
  "test/teams/serve-teams.test.ts",
  "test/teams/teams-poster.test.ts",
  "test/teams/teams-review.test.ts",
  "test/teams/token-matrix.test.ts",
  "test/reliability/*.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // A developer's own ./.env must not reach the nhsai processes the tests start.
    env: { NHSAI_DOTENV: "off" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: INTEGRATION,
          setupFiles: ["test/helpers/unit-guard.ts"],
          pool: "threads",
          isolate: false,
        },
      },
      { extends: true, test: { name: "integration", include: INTEGRATION } },
    ],
  },
});
