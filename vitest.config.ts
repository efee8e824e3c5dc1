import { defineConfig } from "vitest/config";

// Two projects: unit tests need nothing running; integration tests share one devnet
// (started once per run by the global setup, or reused when already up).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Property tests run thousands of cases; on a shared 2-core machine 5 s is too tight.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Two cores and three homeservers: run test files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
