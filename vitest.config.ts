import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // A developer's own ./.env must not reach the nhsai processes the tests start.
    env: { NHSAI_DOTENV: "off" },
  },
});
