import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Vitest's order (slowest first, by the last run's times, or else by file
 * size), except that the longest start first on a new machine too: the type
 * check and the browser tests. The live preview's test comes last, after the
 * type check has read the .astro/ types that the preview writes again.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => (file.moduleId.endsWith('/tests/typecheck.test.ts') ? 0 : file.moduleId.includes('/tests/browser/') ? 1 : file.moduleId.endsWith('/tests/build/dev.test.ts') ? 3 : 2);
    return sorted.map((file, index) => ({ file, index })).sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index).map(({ file }) => file);
  }
}

// Every Node process of the run (the test workers, which start after this, each build and command,
// astro check) keeps the compiled code of the modules it loads in Node's compile cache, and the next
// one reuses it: a command starts about a third faster. Kept between runs, beside node_modules' caches.
process.env['NODE_COMPILE_CACHE'] ??= path.join(import.meta.dirname, 'node_modules/.cache/node-compile-cache');

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    // Vitest's default is one worker fewer than the cores (one, on two); many tests wait on a
    // child process (a build, the browser), so one more worker than cores keeps them busy.
    maxWorkers: availableParallelism() + 1,
    // No test mocks modules or changes global state: a worker can run one file after another.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
