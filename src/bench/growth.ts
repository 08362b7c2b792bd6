/**
 * How the time to check and render clause text grows with its size, for the
 * inputs that make Markdown parsers and word diffs slow: each is measured at
 * 10 KB and at 100 KB. Growth is linear when the 100 KB time is about ten
 * times the 10 KB time (or both are too small to tell); a quadratic blow-up
 * shows as a ratio near 100. Part of `npm run bench`; `BENCH_ONLY=growth`
 * runs this step alone and updates only its part of bench/results.json.
 */
import { performance } from 'node:perf_hooks';
import { diffRuns } from '../diff/words.ts';
import { renderMarkdown } from '../markdown/processor.ts';

export interface GrowthRow {
  input: string;
  /** What became of the 100 KB text: `rendered`, `redlined`, or the rule of the message that refused it. */
  outcome: string;
  ms10KB: number;
  ms100KB: number;
  ratio: number;
}

/** Text of exactly `bytes` characters, by repeating `unit`. */
function sized(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Deterministic prose: words drawn from a small vocabulary. */
function prose(bytes: number, seed: number): string {
  const words = ['data', 'personal', 'information', 'we', 'collect', 'your', 'consent', 'the', 'app', 'service', 'may', 'share', 'with', 'partners', 'when', 'you', 'use', 'location', 'account', 'rights'];
  let state = seed;
  let text = '';
  while (text.length < bytes) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += `${words[state % words.length]} `;
  }
  return text.slice(0, bytes);
}

const markdownInputs: Record<string, (bytes: number) => string> = {
  'emphasis run `*a**a**…`': (bytes) => sized('*a**', bytes),
  'list markers on one line `- - - … x`': (bytes) => `${sized('- ', bytes - 1)}x`,
  'quotes and lists on one line `> - > - … x`': (bytes) => `${sized('> - ', bytes - 1)}x`,
  'closing brackets `]]]…`': (bytes) => sized(']', bytes),
  'prose paragraph': (bytes) => prose(bytes, 1),
  'paragraphs with flags and emphasis': (bytes) => sized('We collect your :sensitive[phone number] and *name* to sign you in.\n\n', bytes),
};

const diffInputs: Record<string, (bytes: number) => [string, string]> = {
  'redline: paragraph rewritten': (bytes) => [prose(bytes, 1), prose(bytes, 2)],
  'redline: paragraph amended every 50 words': (bytes) => {
    const before = prose(bytes, 1);
    return [before, before.split(' ').map((word, index) => (index % 50 === 0 ? `${word}s` : word)).join(' ')];
  },
};

function time(run: () => void): number {
  const samples = [0, 1, 2].map(() => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
  return samples.sort((a, b) => a - b)[1]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

export function measureGrowth(): GrowthRow[] {
  const rows: GrowthRow[] = [];
  const measure = (input: string, run: (bytes: number) => string) => {
    run(10 * 1024); // warm up
    const ms10KB = time(() => run(10 * 1024));
    const ms100KB = time(() => run(100 * 1024));
    rows.push({ input, outcome: run(100 * 1024), ms10KB: round(ms10KB), ms100KB: round(ms100KB), ratio: round(ms100KB / Math.max(ms10KB, 0.1)) });
  };
  for (const [input, make] of Object.entries(markdownInputs)) {
    measure(input, (bytes) => renderMarkdown(make(bytes), { variables: {} }).messages[0]?.ruleId ?? 'rendered');
  }
  for (const [input, make] of Object.entries(diffInputs)) {
    measure(input, (bytes) => {
      const [before, after] = make(bytes);
      return diffRuns([{ text: before }], [{ text: after }], 'en').some((segment) => segment.uncompared) ? 'shown whole' : 'compared word by word';
    });
  }
  return rows;
}
