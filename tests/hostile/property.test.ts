/**
 * Property-based: for any Markdown clause text and any YAML text file, the
 * pipeline either reports errors that all have a place inside the text they
 * are about, or produces HTML with no script element, no event-handler
 * attribute and no `javascript:` URL. Inputs mix random text with the
 * fragments attacks are made of.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { renderMarkdown } from '../../src/markdown/processor.ts';
import type { Place } from '../../src/messages/message.ts';
import { siteWith } from '../helpers/content.ts';

const fragments = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<a href="javascript:alert(1)">x</a>',
  '[a](javascript:alert(1))', '[b](JaVaScRiPt:alert(1))', '[c](&#106;avascript:x)', '<javascript:alert(1)>', '[d]: javascript:x',
  '[e](data:text/html,x)', '[f](#ok)', '[g](https://example.com)', ':sensitive[', ':important[', ']', '{onclick=alert(1)}',
  '{{app}}', '{{nope}}', '\n\n', '\n', '- ', '1. ', '> ', '    ', '`', '*', '_', '|', '---', '<!--', '-->', '&lt;', '"', "'", ':', '::x', ':::y\n',
];
const markdown = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 })), { maxLength: 25 }).map((parts) => parts.join(''));

/**
 * A message's place was set (an unplaced message is printed at 1:1 whatever
 * the mistake), and lies inside `text`: its line exists, its column is at most
 * one past the end of that line.
 */
function expectPlacedIn(place: Place | undefined, text: string, what: string): void {
  expect(place, `${what} has no place`).toBeDefined();
  const lines = text.split(/\r?\n|\r/);
  for (const point of 'start' in place! ? [place.start, place.end] : [place!]) {
    expect(point.line, what).toBeGreaterThanOrEqual(1);
    expect(point.line, what).toBeLessThanOrEqual(lines.length);
    expect(point.column, what).toBeGreaterThanOrEqual(1);
    expect(point.column, what).toBeLessThanOrEqual([...lines[point.line - 1]!].length + 1);
  }
}

/** No script, event handler or script URL anywhere in an HTML fragment. */
function expectHarmless(tree: Root): void {
  expect(selectAll('script, iframe, object, embed, svg, style', tree)).toEqual([]);
  for (const element of selectAll('*', tree)) {
    for (const [name, value] of Object.entries(element.properties)) {
      expect(name.toLowerCase().startsWith('on')).toBe(false);
      expect(String(value).toLowerCase().replace(/[\s\u0000-\u001f]/g, '')).not.toMatch(/^(javascript|vbscript|data):/);
    }
  }
}

describe('any input', () => {
  it('any clause Markdown: positioned errors, or harmless HTML', () => {
    fc.assert(
      fc.property(markdown, fc.constantFrom<undefined | 'important' | 'sensitive'>(undefined, 'important', 'sensitive'), (text, clauseFlag) => {
        const result = renderMarkdown(text, { variables: { app: '<b onclick=x>App</b>' }, clauseFlag });
        for (const message of result.messages) expectPlacedIn(message.place, text, `${message.ruleId}: ${message.reason}`);
        expectHarmless(fromHtml(result.html, { fragment: true }));
      }),
      { numRuns: 400 },
    );
  });

  it('any policy-text YAML file: errors that name file and line, or a model whose HTML is harmless', async () => {
    const dir = siteWith({});
    const file = path.join(dir, 'notice/2024-01-10/en.yaml');
    const sdksFile = path.join(dir, 'notice/2024-01-10/sdks.yaml');
    const yamlText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.tuple(fc.string({ maxLength: 20 }), markdown).map(([title, text]) => `title: ${JSON.stringify(title)}\nsections:\n  - id: a\n    clauses:\n      - id: b\n        text: ${JSON.stringify(text)}\n`),
      markdown.map((text) => `title: T\nsections:\n  - id: a\n    clauses:\n      - id: b\n        text: |\n${text.split('\n').map((line) => `          ${line}`).join('\n')}\n`),
    );
    await fc.assert(
      fc.asyncProperty(yamlText, async (content) => {
        writeFileSync(file, content);
        const { site, files } = await loadSite(dir, { buildDate: '2026-01-01' });
        const messages = files.flatMap((each) => each.messages.map((message) => ({ path: each.path, message })));
        for (const { path: where, message } of messages) {
          // Mostly about en.yaml; a clause that no longer shows the SDKs gets a warning in sdks.yaml.
          expect([file, sdksFile]).toContain(where);
          const text = where === file ? content : readFileSync(where, 'utf8');
          // A file with nothing but blanks and comments is a mistake of the whole file: it has no place inside.
          if (message.ruleId === 'file-missing') expect(parseDocument(text).contents).toBeNull();
          else expectPlacedIn(message.place, text, `${message.ruleId}: ${message.reason}`);
        }
        if (site) {
          for (const clause of site.documents.flatMap((document) => document.versions.flatMap((version) => Object.values(version.texts).flatMap((text) => text.sections.flatMap((section) => section.clauses))))) {
            expectHarmless(fromHtml(clause.html, { fragment: true }));
          }
        } else {
          expect(messages.some(({ message }) => message.fatal)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
