/**
 * Starting a document: `npm run new-document` writes a draft first version
 * in every language of the site, which never blocks building the rest of the
 * site; an empty document folder is a placed error, not a crash.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSite } from '../../src/load/index.ts';
import { projectRoot, userEnvironment } from '../helpers/build.ts';
import { exampleContent, messagesOf, siteWith } from '../helpers/content.ts';

function newDocument(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/versions.ts'), 'document', ...args, '--content', dir], { encoding: 'utf8', env: userEnvironment() });
}

describe('npm run new-document', () => {
  it('writes a draft with the site’s languages, a title and one clause; the site still builds without it', async () => {
    const dir = siteWith({}, exampleContent);
    const run = newDocument(dir, 'terms-of-use', '2026-12-01');
    expect(run.status, run.stderr).toBe(0);
    const folder = path.join(dir, 'terms-of-use/2026-12-01');
    expect(parse(readFileSync(path.join(folder, 'version.yaml'), 'utf8'))).toEqual({ published: '2026-12-01', effective: '2026-12-01', draft: true });
    for (const locale of ['en', 'zh-CN']) {
      const text = parse(readFileSync(path.join(folder, `${locale}.yaml`), 'utf8'));
      expect(text.title).toBe('Terms Of Use');
      expect(text.sections[0].clauses).toHaveLength(1);
    }
    expect(readFileSync(path.join(folder, 'zh-CN.yaml'), 'utf8')).toContain('# Translate from en.yaml');

    // Published build: the draft is left out and blocks nothing.
    const published = await loadSite(dir, { mode: 'publish', drafts: false, buildDate: '2026-12-02' });
    expect(published.site?.documents.map((document) => document.slug)).toEqual(['privacy']);
    // Preview (and --drafts): the new document is there.
    const preview = await loadSite(dir, { mode: 'preview', buildDate: '2026-12-02' });
    expect(preview.site?.documents.map((document) => document.slug)).toEqual(['privacy', 'terms-of-use']);
    expect((await messagesOf(dir)).messages.filter((message) => message.fatal)).toEqual([]);
  });

  it('refuses a document that exists, and a name that cannot be an address', () => {
    const dir = siteWith({}, exampleContent);
    const exists = newDocument(dir, 'privacy', '2026-12-01');
    expect(exists.status).toBe(2);
    expect(exists.stderr).toContain('already exists');
    expect(existsSync(path.join(dir, 'privacy/2026-12-01'))).toBe(false);
    const bad = newDocument(dir, 'Terms_Of_Use', '2026-12-01');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected lowercase words joined by hyphens');
  });
});

describe('document folders', () => {
  it('an empty document folder is a placed error', async () => {
    const dir = siteWith({}, exampleContent);
    mkdirSync(path.join(dir, 'terms'));
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const error = messages.find((message) => message.ruleId === 'empty-document')!;
    expect(error).toMatchObject({ file: 'terms', fatal: true });
    expect(error.note).toContain('npm run new-document');
  });

  it('a document whose only version is a draft builds the rest of the site, and check reports it', async () => {
    const dir = siteWith({ 'terms/2026-12-01/version.yaml': 'published: 2026-12-01\neffective: 2026-12-01\ndraft: true\n', 'terms/2026-12-01/en.yaml': 'title: Terms\nsections:\n  - id: a\n    clauses:\n      - id: b\n        text: Terms.\n', 'terms/2026-12-01/zh-CN.yaml': 'title: 条款\nsections:\n  - id: a\n    clauses:\n      - id: b\n        text: 条款。\n' }, exampleContent);
    const published = await loadSite(dir, { mode: 'publish', drafts: false, buildDate: '2026-12-02' });
    expect(published.site).toBeDefined();
    expect(published.site!.documents.map((document) => document.slug)).toEqual(['privacy']);
    const checked = await messagesOf(dir);
    expect(checked.messages.some((message) => message.file === 'terms/2026-12-01/zh-CN.yaml' && message.ruleId === 'translation-stale')).toBe(true);
  });
});
