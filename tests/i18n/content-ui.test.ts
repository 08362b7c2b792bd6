/**
 * A legal team's own interface words, content/ui/<locale>.yaml: they add a
 * language or replace some words of a shipped one, reach the site model
 * (so every page), and every mistake in them is a positioned message.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import en from '../../src/i18n/strings/en.json' with { type: 'json' };
import de from '../../src/i18n/strings/de.json' with { type: 'json' };
import zhCN from '../../src/i18n/strings/zh-CN.json' with { type: 'json' };
import { loadSite } from '../../src/load/index.ts';
import { projectRoot } from '../helpers/build.ts';
import { fixturesDir, messagesOf, positionOf, replaceOnce, siteIn, siteWith, type Change, type Reported } from '../helpers/content.ts';

const fixture = path.join(fixturesDir, 'sites/interface-words');
const override = 'ui/de.yaml';
const header = '# yaml-language-server: $schema=../../schemas/ui.schema.json\n';

/** The fixture with `changes`; every message, and those of `ruleId`. */
async function load(changes: Record<string, Change>, ruleId: string, from = fixture): Promise<{ dir: string; ok: boolean; matching: Reported[]; messages: Reported[] }> {
  const dir = siteWith(changes, from);
  const { messages, ok } = await messagesOf(dir);
  return { dir, ok, messages, matching: messages.filter((message) => message.ruleId === ruleId) };
}

/** English words without `leave` out, as a content/ui file. */
function englishWithout(...leave: string[]): string {
  return header + stringify(Object.fromEntries(Object.entries(en).filter(([key]) => !leave.includes(key))));
}

describe('content/ui/<locale>.yaml', () => {
  it('replaces words of a shipped language in the site model; the rest ship', async () => {
    const { site, files } = await loadSite(fixture, { buildDate: '2026-01-01' });
    expect(files.flatMap((file) => file.messages)).toEqual([]);
    expect(site!.ui['de']!['toc.heading']).toBe('Inhaltsübersicht');
    expect(site!.ui['de']!['changes.unchangedClauses']).toEqual({ one: '{count} Klausel ohne Änderung', other: '{count} Klauseln ohne Änderung' });
    expect(site!.ui['de']!['legend.heading']).toBe(de['legend.heading']);
    expect(site!.ui['zh-CN']).toEqual(zhCN);
    expect(site!.ui['en']).toEqual(en);
  });

  it('adds a language that does not ship', async () => {
    const { site } = await loadSite(siteIn('sw', { 'ui/sw.yaml': `${header}${stringify({ ...en, 'toc.heading': 'Yaliyomo' })}` }), { buildDate: '2026-01-01' });
    expect(site!.ui['sw']!['toc.heading']).toBe('Yaliyomo');
  });

  it('a missing key is an error naming the key, the language and the file to add it to', async () => {
    const dir = siteIn('sw', { 'ui/sw.yaml': englishWithout('toc.heading', 'changes.unchangedClauses') });
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    const missing = messages.filter((message) => message.ruleId === 'missing-ui-string');
    // The file is named as the content folder was given (`--content`), not as the default content/.
    const file = path.relative(process.cwd(), path.join(dir, 'ui/sw.yaml'));
    expect(missing.map((message) => message.reason)).toEqual([
      `Missing interface string \`toc.heading\` for \`sw\`: add it to ${file}`,
      `Missing interface string \`changes.unchangedClauses\` for \`sw\`: add it to ${file}`,
    ]);
    for (const message of missing) expect(message).toMatchObject({ file: 'ui/sw.yaml', line: 2, column: 1, fatal: true });
  });

  it('a content/ui file with errors of its own is not also reported as missing', async () => {
    const dir = siteIn('sw', { 'ui/sw.yaml': `${header}toc.heading: [Yaliyomo]\n` });
    const { messages, ok } = await messagesOf(dir);
    expect(ok).toBe(false);
    expect(messages.map((message) => [message.file, message.ruleId])).toEqual([['ui/sw.yaml', 'wrong-type']]);
  });

  it('a language that borrows from a content/ui file is told of both files', async () => {
    const dir = siteIn('sw-KE', { 'ui/sw.yaml': englishWithout('toc.heading') });
    const { messages } = await messagesOf(dir);
    expect(messages.filter((message) => message.ruleId === 'missing-ui-string')).toMatchObject([
      { file: 'ui/sw.yaml', reason: `Missing interface string \`toc.heading\` for \`sw-KE\`: add it to ${path.relative(process.cwd(), path.join(dir, 'ui/sw-KE.yaml'))} or ${path.relative(process.cwd(), path.join(dir, 'ui/sw.yaml'))}` },
    ]);
  });

  it('an unknown key is positioned, with a did-you-mean', async () => {
    const { dir, ok, matching } = await load({ [override]: replaceOnce('toc.heading:', 'toc.headng:') }, 'unknown-key');
    expect(ok).toBe(false);
    expect(matching).toHaveLength(1);
    expect(matching[0]).toMatchObject({ file: override, fatal: true, ...positionOf(path.join(dir, override), 'toc.headng') });
    expect(matching[0]!.reason).toMatch(/^Unknown key `toc\.headng`, expected one of the \d+ keys its JSON Schema lists\. Did you mean `toc\.heading`\?$/);
  });

  it('a wrong kind of value is positioned', async () => {
    const { dir, matching } = await load({ [override]: replaceOnce('toc.heading: Inhaltsübersicht', 'toc.heading: [Inhalt]') }, 'wrong-type');
    expect(matching).toHaveLength(1);
    expect(matching[0]).toMatchObject({ file: override, ...positionOf(path.join(dir, override), '[Inhalt]') });
    expect(matching[0]!.reason).toBe('Unexpected list for `toc.heading`, expected text');
  });

  it('a plural message written as a number is positioned, and says what it may be', async () => {
    const { dir, matching } = await load({ [override]: (old) => `${old}changes.spansLost: 3\n` }, 'wrong-type');
    expect(matching).toMatchObject([{ file: override, ...positionOf(path.join(dir, override), '3\n') }]);
    expect(matching[0]!.reason).toBe('Unexpected number `3` for `changes.spansLost`, expected text or a group of keys');
  });

  it('an unknown placeholder is positioned, with a did-you-mean; a dropped one is named', async () => {
    const { dir, ok, matching } = await load({ [override]: (old) => `${old}version.past: "Ersetzt am {dat}. {link}"\nversion.upcoming: Gilt bald.\n` }, 'ui-placeholder');
    expect(ok).toBe(false);
    expect(matching.map((message) => message.reason)).toEqual([
      'Unexpected placeholder `{dat}` in `version.past`, expected `{date}`, `{link}`. Did you mean `{date}`?',
      'Missing placeholder `{date}` in `version.past`, expected `{date}`, `{link}`',
      'Missing placeholder `{date}` in `version.upcoming`, expected `{date}`, `{link}`',
      'Missing placeholder `{link}` in `version.upcoming`, expected `{date}`, `{link}`',
    ]);
    expect(matching[0]).toMatchObject({ file: override, ...positionOf(path.join(dir, override), '"Ersetzt am') });
  });

  it('a plural message needs the forms of its language: one text for German is an error, a form Chinese never uses a warning', async () => {
    const german = await load({ [override]: (old) => `${old}changes.spansLost: "{count} Stellen ohne {flag}"\n` }, 'ui-plural');
    expect(german.ok).toBe(false);
    expect(german.matching).toMatchObject([{ file: override, fatal: true, ...positionOf(path.join(german.dir, override), '"{count} Stellen ohne') }]);
    expect(german.matching[0]!.reason).toBe('Unexpected single text for `changes.spansLost`: `de` has 2 plural forms, expected one text per form (`one`, `other`)');

    const forms = await load({ [override]: replaceOnce('  one: "{count} Klausel ohne Änderung"\n', '') }, 'ui-plural');
    expect(forms.matching.map((message) => [message.reason, message.fatal])).toEqual([['Missing plural form `one` of `changes.unchangedClauses` for `de`, expected `one`, `other`', true]]);

    const chinese = await load({ 'ui/zh-CN.yaml': `${header}changes.unchangedClauses:\n  one: "{count}条条款未变"\n  other: "{count}条条款未变"\n` }, 'ui-plural');
    expect(chinese.ok).toBe(true);
    expect(chinese.matching).toMatchObject([{ file: 'ui/zh-CN.yaml', line: 3, column: 8, fatal: false }]);
  });

  it('a file no site language uses is a warning; a file not named by a language tag is ignored with a warning', async () => {
    const unused = await load({ 'ui/fr.yaml': `${header}toc.heading: Sommaire\n` }, 'unknown-locale');
    expect(unused.ok).toBe(true);
    expect(unused.matching).toMatchObject([{ file: 'ui/fr.yaml', fatal: false }]);

    const misnamed = await load({ 'ui/zh-cn.yaml': `${header}toc.heading: 目次\n` }, 'file-unexpected');
    expect(misnamed.ok).toBe(true);
    expect(misnamed.matching).toHaveLength(1);
    expect(misnamed.matching[0]!.reason).toBe('Unexpected file `zh-cn.yaml` in the `ui` folder, expected `zh-CN.yaml`; it is ignored');
  });

  it('`npm run ui:new` writes a complete file that passes its own checks, with the plural forms of the new language', async () => {
    const dir = siteIn('ru-MD');
    const run = spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/ui.ts'), 'ru-MD', '--from', 'en', '--content', dir], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = readFileSync(path.join(dir, 'ui/ru-MD.yaml'), 'utf8');
    expect(written.split('\n')[0]).toBe(`# yaml-language-server: $schema=${path.relative(path.join(dir, 'ui'), path.join(projectRoot, 'schemas/ui.schema.json'))}`);
    expect(written).toContain('changes.unchangedClauses:\n  one: "{count} unchanged clause"\n  few: "{count} unchanged clauses"\n  many: "{count} unchanged clauses"\n  other: "{count} unchanged clauses"\n');
    const { messages, ok } = await messagesOf(dir);
    expect(messages).toEqual([]);
    expect(ok).toBe(true);
    expect(spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/ui.ts'), 'ru-MD', '--content', dir], { encoding: 'utf8' }).status, 'never overwrites').toBe(1);
  });
});
