import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The build once for every test (skipped when current), then one Prism mock server per bundled
    // document for the whole run, all in vitest's own process (scripts/lib/prism.ts).
    globalSetup: ["test/setup/build.ts", "test/setup/prism.ts"],
    // vitest's default is one worker less than the cores: a single worker on this project's
    // 2-core machines. The suite spends most of its time waiting on Prism, tsc and Chromium,
    // so every core gets a worker.
    maxWorkers: os.availableParallelism(),
    // Test files share their worker's module cache instead of each loading the generated clients,
    // documents and tools afresh: a fifth less CPU for the whole suite. No test file changes
    // global state (the one vi.mock is scoped by vitest to the file that declares it).
    isolate: false,
    reporters: ["default", "./test/setup/summary-reporter.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
