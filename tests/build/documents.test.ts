/**
 * A site of several documents: site.yaml decides their order and titles on /
 * and in every page's header, and a document links to another with
 * `doc:<document>#<id>`, which needs no host and is checked like a link
 * within a document.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSite } from '../../src/load/index.ts';
import { runBuild } from '../helpers/build.ts';
import { exampleContent, messagesOf, positionOf, siteWith, tempDir } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';

const terms = (locale: 'en' | 'zh-CN', text: string) =>
  stringify({ title: locale === 'en' ? 'Terms' : '条款', sections: [{ id: 'use', clauses: [{ id: 'privacy-link', text }] }] });

/** The example, with a second document (a draft) and site.yaml naming both, the new one first. */
function twoDocuments(en = 'See [our privacy policy](doc:privacy#registration).\n', zh = '参见[隐私政策](doc:privacy#registration)。\n'): string {
  return siteWith(
    {
      'site.yaml': (text) => {
        const site = parse(text);
        site.documents = { 'terms-of-use': { title: { en: 'Terms of Use', 'zh-CN': '使用条款' } }, ...site.documents };
        return stringify(site);
      },
      'terms-of-use/2026-12-01/version.yaml': 'published: 2026-12-01\neffective: 2026-12-01\ndraft: true\n',
      'terms-of-use/2026-12-01/en.yaml': terms('en', en),
      'terms-of-use/2026-12-01/zh-CN.yaml': terms('zh-CN', zh),
    },
    exampleContent,
  );
}

describe('documents', () => {
  it('follow site.yaml’s order and titles on / and in every page’s header, with links between them', () => {
    const dir = twoDocuments();
    const dist = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', dir, '--out', dist, '--drafts'], { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 2) / 1000) });
    expect(run.status, run.stderr).toBe(0);

    const root = readPage(dist, 'index.html');
    const listed = selectAll('.languages > li', root).map((li) => selectAll('a', li).map((a) => [toText(a), a.properties['href']]));
    expect(listed).toEqual([
      [['Terms of Use', '/en/terms-of-use/'], ['Kaiyang Motors User Privacy Policy', '/en/privacy/']],
      [['使用条款', '/zh-CN/terms-of-use/'], ['凯阳汽车用户隐私政策', '/zh-CN/privacy/']],
    ]);
    for (const [page, names] of [['en/privacy/index.html', ['Terms of Use', 'Kaiyang Motors User Privacy Policy']], ['zh-CN/privacy/2022-09-15/index.html', ['使用条款', '凯阳汽车用户隐私政策']]] as const) {
      const nav = select('header nav.documents', readPage(dist, page))!;
      expect(selectAll('a', nav).map((a) => toText(a))).toEqual(names);
    }
    // The link between documents leads to the clause, in the page's language, without the production host.
    expect(select('#privacy-link a', readPage(dist, 'en/terms-of-use/index.html'))!.properties['href']).toBe('/en/privacy/#registration');
    expect(select('#privacy-link a', readPage(dist, 'zh-CN/terms-of-use/index.html'))!.properties['href']).toBe('/zh-CN/privacy/#registration');
    expect(readFileSync(path.join(dist, 'en/privacy/index.html'), 'utf8')).toContain('id=registration');
  });

  it('a link to a missing document or a missing clause is reported like a broken clause link', async () => {
    const dir = twoDocuments('See [the policy](doc:privcy) and [its clause](doc:privacy#registraton).\n', '参见[政策](doc:privacy)。\n');
    const { messages } = await messagesOf(dir);
    const broken = messages.filter((message) => message.ruleId === 'broken-reference');
    const file = 'terms-of-use/2026-12-01/en.yaml';
    expect(broken.map((message) => [message.file, message.reason])).toEqual([
      [file, expect.stringContaining('no document of this build has this folder name. Did you mean `doc:privacy`?')],
      [file, expect.stringContaining('has no section or clause `registraton`')],
    ]);
    expect(broken[0]).toMatchObject(positionOf(path.join(dir, file), '[the policy]'));
  });

  it('a name under documents: that is no document folder is an error with a did-you-mean', async () => {
    const dir = siteWith({ 'site.yaml': (text) => text.replace('documents:\n', 'documents:\n  privcy:\n    title: Privacy\n') }, exampleContent);
    const { messages } = await messagesOf(dir);
    expect(messages.find((message) => message.ruleId === 'unknown-key')!.reason).toContain('Unknown document `privcy` under `documents`, expected the folder name of a document (`privacy`). Did you mean `privacy`?');
  });

  it('in the model: site.yaml’s order first, then the others by folder name', async () => {
    const site = (await loadSite(twoDocuments(), { mode: 'preview', buildDate: '2026-12-02' })).site!;
    expect(site.documents.map((document) => [document.slug, document.title?.['en']])).toEqual([['terms-of-use', 'Terms of Use'], ['privacy', undefined]]);
  });
});
