import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One Prism mock server per spec for the whole run (Prism takes about a second to start).
    globalSetup: ["test/setup/prism.ts"],
    reporters: ["default", "./test/setup/summary-reporter.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
