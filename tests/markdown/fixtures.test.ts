/**
 * Fixture tests for the Markdown pipeline and its plugins (flags, variables,
 * content rules, sanitizing), after remark-lint's test layout: each folder of
 * tests/fixtures/markdown holds `input.md`, optional `options.json`, the
 * expected `output.html` and the expected `messages.txt` (one
 * `line:column rule-id` per message, empty when none).
 *
 * `UPDATE=1 npx vitest run tests/markdown` rewrites the expected files;
 * review the diff before committing. Without UPDATE a missing file fails.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, type RenderOptions } from '../../src/markdown/processor.ts';
import { startOf } from '../../src/messages/message.ts';
import { fixturesDir } from '../helpers/content.ts';

const root = path.join(fixturesDir, 'markdown');
const update = process.env['UPDATE'] === '1';

function expected(file: string, actual: string): string {
  if (update) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`Missing ${path.relative(process.cwd(), file)}: run with UPDATE=1 and review it.`);
  return readFileSync(file, 'utf8');
}

describe('markdown fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, () => {
      const dir = path.join(root, name);
      const optionsFile = path.join(dir, 'options.json');
      const options: Partial<RenderOptions> = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      const result = renderMarkdown(readFileSync(path.join(dir, 'input.md'), 'utf8'), { variables: {}, ...options });
      const html = `${result.html}\n`;
      const messages = result.messages.map((message) => {
        const point = startOf(message.place);
        return `${point.line}:${point.column} ${message.ruleId}\n`;
      }).join('');
      expect(html).toBe(expected(path.join(dir, 'output.html'), html));
      expect(messages).toBe(expected(path.join(dir, 'messages.txt'), messages));
    });
  }
});

describe('sanitized output, whatever the input', () => {
  it('never holds a script, an event handler or a javascript: URL', () => {
    const inputs = readdirSync(root).map((name) => readFileSync(path.join(root, name, 'input.md'), 'utf8'));
    for (const input of inputs) {
      const { html } = renderMarkdown(input, { variables: {} });
      expect(html).not.toMatch(/<script|<img|<div|\son[a-z]+=|javascript:|data:text/i);
    }
  });
});
