/**
 * One real build of the interface-words fixture (English, Simplified
 * Chinese, German with the legal team's own words in ui/de.yaml): the
 * override reaches the pages, and the changes pages name sections by their
 * titles, count with plural rules and punctuate Chinese the Chinese way.
 */
import path from 'node:path';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import de from '../../src/i18n/strings/de.json' with { type: 'json' };
import { runBuild } from '../helpers/build.ts';
import { fixturesDir, tempDir } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';

const dist = path.join(tempDir(), 'dist');
const run = runBuild(['--content', path.join(fixturesDir, 'sites/interface-words'), '--out', dist]);
const changes = (locale: string) => readPage(dist, `${locale}/notice/2024-06-01/changes/index.html`);
const texts = (tree: Root, selector: string) => selectAll(selector, tree).map((element) => toText(element).trim());
const sectionIds = ['intro', 'data', 'cookies', 'sharing', 'rights', 'contact'];

describe('interface words in a built site', () => {
  it('builds without a message', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('a content/ui/de.yaml override changes the word on the German pages, and only there', () => {
    const german = readPage(dist, 'de/notice/index.html');
    expect(toText(select('#_toc', german)!)).toBe('Inhaltsübersicht');
    expect(toText(select('.legend h2', german)!)).toBe(de['legend.heading']);
    expect(toText(select('#_toc', readPage(dist, 'en/notice/index.html'))!)).toBe('Contents');
    expect(texts(changes('de'), 'p.unchanged')).toContain('1 Klausel ohne Änderung');
  });

  it('names each section of the changes page by its title (the old title for a removed one), never by its id', () => {
    const page = changes('en');
    expect(texts(page, '.change-section > h2')).toEqual(['Data we collect', 'Your rights', 'Contact us', 'Sharing']);
    expect(texts(page, '#sharing > .change-labels li')).toEqual(['Removed']);
    expect(texts(page, 'p.unchanged[id]')).toEqual(['Preamble: unchanged (2 clauses)', 'Cookies: unchanged (1 clause)']);
    expect(texts(page, '#no-selling .change-labels li')).toEqual(['Moved (was in section “Sharing”)']);
    const headings = texts(page, 'h2, h3, p.unchanged, .change-labels li');
    for (const id of sectionIds) expect(headings.filter((text) => text === id || text.startsWith(`${id}:`)), id).toEqual([]);
  });

  it('counts with plural rules: “1 unchanged clause”, “2 unchanged clauses”', () => {
    const page = changes('en');
    expect(texts(page, '#data p.unchanged')).toEqual(['2 unchanged clauses']);
    expect(texts(page, '#rights p.unchanged')).toEqual(['1 unchanged clause']);
    expect(texts(page, '#deletion .change-labels li')).toEqual(['Reworded', '1 passage newly marked as Important terms']);
  });

  it('punctuates the Chinese changes page the Chinese way', () => {
    const page = changes('zh-CN');
    expect(texts(page, 'p.unchanged[id]')).toEqual(['引言：未变更（2条条款）', 'Cookie：未变更（1条条款）']);
    expect(texts(page, '.change-section > h2')).toEqual(['我们收集的数据', '您的权利', '联系我们', '共享']);
    expect(texts(page, '#no-selling .change-labels li')).toEqual(['已移动（原在“共享”部分）']);
    expect(texts(page, '#phone ins .visually-hidden')).toEqual(['【新增：', '】']);
    expect(toText(select('title', page)!)).toBe('从2024年1月10日到2024年6月1日的变更｜示例有限公司隐私声明｜示例声明');
    const composed = texts(page, 'p.unchanged, .change-labels li, .visually-hidden, title');
    expect(composed.length).toBeGreaterThan(10);
    for (const text of composed) expect(text, text).not.toMatch(/[:()[\]]|\s·\s/);
  });

  it('puts the status of a version in Chinese brackets on the Chinese history page', () => {
    expect(texts(readPage(dist, 'zh-CN/notice/history/index.html'), '.history h2')).toEqual(['2024年6月1日（现行）', '2024年1月10日（已替代）']);
  });
});
