import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    // Vitest's default is one worker fewer than the cores (one, on two); many tests wait on a
    // child process (a build, the browser), so one more worker than cores keeps them busy.
    maxWorkers: availableParallelism() + 1,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
