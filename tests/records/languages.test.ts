/**
 * A language added to a site whose versions are already published: it
 * starts at a new version, earlier versions stay as published and say which
 * languages they exist in; or a translation of a published version is added
 * later as an annex, with its own record and lock entry, leaving the
 * original's entry untouched.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSite } from '../../src/load/index.ts';
import type { LockEntry } from '../../src/schema/versions-lock.ts';
import { projectRoot, userEnvironment } from '../helpers/build.ts';
import { fixturesDir, messagesOf, siteWith } from '../helpers/content.ts';

const recordsSite = path.join(fixturesDir, 'sites/records');
const buildDate = '2026-01-01';

/** The records fixture with German added to site.yaml, and the draft translated into German. */
function withGerman(extra: Record<string, string> = {}): string {
  const german = (file: string) => readFileSync(path.join(recordsSite, file), 'utf8').replace('title: "{{company}} Privacy Notice"', 'title: "{{company}} Datenschutzhinweis"');
  return siteWith(
    {
      'site.yaml': (text) => {
        const site = parse(text);
        site.locales.de = { name: 'Deutsch' };
        for (const value of Object.values(site.variables) as unknown[]) if (value && typeof value === 'object') (value as Record<string, string>)['de'] = (value as Record<string, string>)['en']!;
        return stringify(site);
      },
      'notice/2024-09-01/de.yaml': german('notice/2024-09-01/en.yaml'),
      // A draft's sdks.yaml can still change: it gets the German words.
      'notice/2024-09-01/sdks.yaml': (text) => text.replace('      zh-CN: 崩溃报告', '      zh-CN: 崩溃报告\n      de: Absturzberichte').replace('        - 设备信息', '        - 设备信息\n      de:\n        - Geräteinformationen'),
      ...extra,
    },
    recordsSite,
  );
}

function publish(dir: string, version: string) {
  return spawnSync(process.execPath, [path.join(projectRoot, 'src/cli/versions.ts'), 'publish', 'notice', version, '--content', dir], { encoding: 'utf8', env: userEnvironment() });
}

describe('adding a language to a site with published versions', () => {
  it('starts at a new version: published versions need no text in it, and keep their languages', async () => {
    const dir = withGerman();
    const { messages } = await messagesOf(dir, 'preview');
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    const site = (await loadSite(dir, { mode: 'preview', drafts: true, buildDate })).site!;
    const languages = Object.fromEntries(site.documents[0]!.versions.map((version) => [version.id, Object.keys(version.texts).sort()]));
    expect(languages).toEqual({ '2024-09-01': ['de', 'en', 'zh-CN'], '2024-06-01': ['en', 'zh-CN'], '2024-01-10': ['en', 'zh-CN'] });
  });

  it('a draft without the new language is an error, naming the file to add', async () => {
    const dir = withGerman({ 'notice/2024-09-01/de.yaml': '' });
    const { messages } = await messagesOf(siteWith({ 'notice/2024-09-01/de.yaml': null }, dir));
    const error = messages.find((message) => message.ruleId === 'missing-translation')!;
    expect(error.reason).toContain('Missing file `de.yaml` in version folder `2024-09-01`');
  });

  it('a translation of a published version is an annex: left out until published, then its own lock entry', async () => {
    // The published version's sdks.yaml cannot change: the annex brings the SDK words in German itself.
    const annexText = `${readFileSync(path.join(recordsSite, 'notice/2024-06-01/en.yaml'), 'utf8')}sdkTexts:\n  crash-sdk:\n    purpose: Absturzberichte\n    personalInformation:\n      - Geräteinformationen\n`;
    const dir = withGerman({ 'notice/2024-06-01/de.yaml': annexText });
    const lockBefore = readFileSync(path.join(dir, 'versions.lock.yaml'), 'utf8');

    const before = await messagesOf(dir, 'publish', false);
    const warning = before.messages.find((message) => message.ruleId === 'unpublished-annex')!;
    expect(warning).toMatchObject({ file: 'notice/2024-06-01/de.yaml', fatal: false });
    const left = (await loadSite(dir, { mode: 'publish', drafts: false, buildDate })).site!;
    expect(Object.keys(left.documents[0]!.versions.find((version) => version.id === '2024-06-01')!.texts)).not.toContain('de');

    const run = publish(dir, '2024-06-01');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('translation de');
    const entries = parse(readFileSync(path.join(dir, 'versions.lock.yaml'), 'utf8')).entries as LockEntry[];
    const original = (parse(lockBefore).entries as LockEntry[]).find((entry) => entry.version === '2024-06-01')!;
    expect(entries.find((entry) => entry.version === '2024-06-01' && entry.record === 'policy')).toEqual(original);
    const annex = entries.at(-1)!;
    expect(annex).toMatchObject({ document: 'notice', version: '2024-06-01', record: 'translation', locale: 'de' });
    expect(Object.keys(annex.files).sort()).toEqual(['de.yaml', 'variables.de.yaml']);
    expect(Object.keys(annex.records)).toEqual(['de']);

    const after = (await loadSite(dir, { mode: 'publish', drafts: false, buildDate })).site!;
    const version = after.documents[0]!.versions.find((candidate) => candidate.id === '2024-06-01')!;
    expect(Object.keys(version.texts).sort()).toEqual(['de', 'en', 'zh-CN']);
    expect(version.sha256['de']).toBe(annex.records['de']);
    expect(version.sha256['en']).toBe(original.records['en']);

    // Published: the annex is locked like any record.
    expect(version.texts['de']!.sdks[0]).toMatchObject({ purpose: 'Absturzberichte', personalInformation: ['Geräteinformationen'] });
    const changed = siteWith({ 'notice/2024-06-01/de.yaml': (text) => text.replace('outages', 'Ausfälle') }, dir);
    expect((await messagesOf(changed)).messages.some((message) => message.ruleId === 'version-locked' && message.file === 'notice/2024-06-01/de.yaml')).toBe(true);
  });
});
