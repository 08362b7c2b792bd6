/**
 * Issue #11, part 3: nothing is published silently that the author did not
 * mean. A flag or a variable written almost right, a footnote, an invisible
 * control or direction character, an SDK listed twice, blank text, two
 * spellings of one language, a password in the site address, a YAML 1.1
 * file: each stops `npm run build` (and `npm run check`) with a placed
 * message. What must work does: variables in link addresses, a site in a
 * folder, a site name that looks like XML, an effective date before the
 * publication date (a warning).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { fromXml } from 'xast-util-from-xml';
import { runBuild } from '../helpers/build.ts';
import { fixturesDir, replaceOnce, siteWith, tempDir, type Change } from '../helpers/content.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { crashed, expectRefused, runCheck, type RefusedCase } from '../helpers/hostile.ts';

const en = 'notice/2024-01-10/en.yaml';
const sdks = 'notice/2024-01-10/sdks.yaml';
const version = 'notice/2024-01-10/version.yaml';
const phone = ':sensitive[phone number]';
/** The phone clause with its flag written `written`. */
const flagWritten = (written: string): RefusedCase => ({ changes: { [en]: replaceOnce(phone, written) }, file: en, at: written.slice(0, 12).trimEnd(), rule: 'flag-misuse' });

const flags: Record<string, RefusedCase> = {
  'a space before the bracket': flagWritten(':sensitive [phone number]'),
  'parentheses': flagWritten(':sensitive(phone number)'),
  'a bare name before words': flagWritten(':sensitive phone number'),
  'a full-width colon': flagWritten('：sensitive[phone number]'),
  'a full-width colon and full-width brackets 【】': flagWritten('：sensitive【phone number】'),
  'full-width brackets ［］': flagWritten(':sensitive［phone number］'),
  'full-width brackets 【】 after a bare name': flagWritten(':sensitive【phone number】'),
  'two colons in a line': { ...flagWritten('your ::sensitive[phone number]'), at: '::sensitive' },
  'a space after the colon': { ...flagWritten('your : sensitive[phone number]'), at: ': sensitive' },
  ':important with a space before the bracket': { changes: { [en]: replaceOnce(':important[delete', ':important [delete') }, file: en, at: ':important [', rule: 'flag-misuse' },
  'another case': { changes: { [en]: replaceOnce(phone, ':Sensitive[phone number]') }, file: en, at: ':Sensitive', rule: 'unknown-flag', reason: /Did you mean `:sensitive\[…\]`\?/ },
  'the leaf form on its own line': { changes: { [en]: replaceOnce('We are not liable for outages.', '::important[We are not liable for outages.]') }, file: en, at: '::important', rule: 'flag-misuse', reason: /`:important\[the flagged words\]` with one colon/ },
  'a misspelt name with a space before the bracket': { changes: { [en]: replaceOnce(phone, ':sensitve [phone number]') }, file: en, at: ':sensitve', rule: 'unknown-flag' },
};

const inTitle = (written: string): Record<string, Change> => ({ [en]: replaceOnce('title: Phone number', `title: "${written}"`) });
const variables: Record<string, RefusedCase> = {
  '{{app-name}} in clause text': { changes: { [en]: replaceOnce('{{company}} runs {{app}}.', '{{company}} runs {{app-name}}.') }, file: en, at: '{{app-name}}', rule: 'variable-syntax', reason: /Did you mean `\{\{app\}\}`\?/ },
  '{{ app-name }} with spaces': { changes: { [en]: replaceOnce('{{company}} runs {{app}}.', '{{company}} runs {{ app-name }}.') }, file: en, at: '{{ app-name }}', rule: 'variable-syntax' },
  '{{company.name}} in a title': { changes: inTitle('{{company.name}} phone'), file: en, at: '"{{company.name}}', rule: 'variable-syntax', reason: /Did you mean `\{\{company\}\}`\?/ },
  '{company} with single braces': { changes: { [en]: replaceOnce('{{company}} runs', '{company} runs') }, file: en, at: '{company} runs', rule: 'variable-syntax', reason: /expected `\{\{company\}\}`/ },
  'an unclosed {{app': { changes: { [en]: replaceOnce('{{company}} runs {{app}}.', '{{company}} runs {{app.') }, file: en, at: '{{app.', rule: 'variable-syntax' },
  '{{…}} in the site name': { changes: { 'site.yaml': replaceOnce('name: Example Notices', 'name: "{{company-name}} Notices"') }, file: 'site.yaml', at: '"{{company-name}}', rule: 'variable-syntax' },
  'an undefined variable in the site name': { changes: { 'site.yaml': replaceOnce('name: Example Notices', 'name: "{{compnay}} Notices"') }, file: 'site.yaml', at: '"{{compnay}}', rule: 'undefined-variable' },
  '{{…}} in a version summary': { changes: { [version]: (old) => `${old}summary:\n  en: "{{app.name}} changed"\n` }, file: version, at: '"{{app.name}}', rule: 'variable-syntax' },
  '{{…}} in an SDK field': { changes: { [sdks]: replaceOnce('en: Crash reports', 'en: Crash reports for {{app_name}}') }, file: sdks, at: 'Crash reports for', rule: 'undefined-variable' },
  '{company} in an SDK field': { changes: { [sdks]: replaceOnce('provider: Crash Reports Inc.', 'provider: "{company} partner"') }, file: sdks, at: '"{company}', rule: 'variable-syntax' },
  '{{…}} in an SDK address': { changes: { [sdks]: replaceOnce('https://crash.example.com/privacy', 'https://crash.example.com/{{app}}') }, file: sdks, at: 'https://crash.example.com/{{app}}', rule: 'variable-syntax' },
  '{{…}} inside a variable value': { changes: { 'site.yaml': replaceOnce('app: Example App', 'app: "{{company}} App"') }, file: 'site.yaml', at: '"{{company}} App"', rule: 'variable-syntax' },
  'a variable whose https value is refused in a link': {
    changes: { 'site.yaml': replaceOnce('app: Example App', 'app: Example App\n  website: "javascript:alert(1)"'), [en]: replaceOnce('We are not liable for outages.', 'See [our site]({{website}}).') },
    file: en,
    at: '[our site]',
    rule: 'unsafe-link',
    reason: /javascript:alert\(1\)/,
  },
};

const text = (markdown: string): Record<string, Change> => ({ [en]: replaceOnce('We are not liable for outages.', markdown) });
const others: Record<string, RefusedCase> = {
  'a footnote and its definition': { changes: text('We are not liable for outages.[^1]\n\n          [^1]: Except by law.'), file: en, at: '[^1]', rule: 'unsupported-markdown', reason: /footnote/ },
  'a footnote reference with no definition': { changes: text('We are not liable [^note] for outages.'), file: en, at: '[^note]', rule: 'unsupported-markdown' },
  'NUL in clause text': { changes: text('We are not \u0000liable.'), file: en, at: '\u0000', rule: 'control-character', reason: /U\+0000 \(NUL\)/ },
  'BEL in a key': { changes: { [version]: replaceOnce('effective:', 'effec\u0007tive:') }, file: version, at: '\u0007', rule: 'control-character', reason: /BEL/ },
  'ESC in a title': { changes: inTitle('Phone \u001b[31mnumber'), file: en, at: '\u001b', rule: 'control-character', reason: /ESC/ },
  'DEL in an SDK field': { changes: { [sdks]: replaceOnce('Crash reports', 'Crash\u007f reports') }, file: sdks, at: '\u007f', rule: 'control-character', reason: /DEL/ },
  'a C1 control character in the site name': { changes: { 'site.yaml': replaceOnce('Example Notices', 'Example\u0085 Notices') }, file: 'site.yaml', at: '\u0085', rule: 'control-character' },
  'a control character written as a YAML escape': { changes: inTitle('Phone \\e[31mnumber'), file: en, at: '"Phone', rule: 'control-character', reason: /escape/ },
  'a right-to-left override that shows "03" as "30"': { changes: text('We keep logs for \u202E03\u202C days.'), file: en, at: '\u202E', rule: 'bidi-control', reason: /U\+202E \(RIGHT-TO-LEFT OVERRIDE\)/ },
  'a direction isolate in an SDK field': { changes: { [sdks]: replaceOnce('Crash reports', 'Crash \u2066reports\u2069') }, file: sdks, at: '\u2066', rule: 'bidi-control' },
  'a direction override written as a YAML escape': { changes: inTitle('Phone \\u202Enumber'), file: en, at: '"Phone', rule: 'bidi-control' },
  'the same SDK twice in a clause': { changes: { [en]: replaceOnce('sdks: all', 'sdks: [crash-sdk, crash-sdk]') }, file: en, at: 'crash-sdk]', rule: 'duplicate-sdk' },
  'a clause whose text is only spaces': { changes: { [en]: replaceOnce('text: |\n          We are not liable for outages.', 'text: "  \u3000 "') }, file: en, at: '"  ', rule: 'blank-text' },
  'a title of only spaces': { changes: inTitle('   '), file: en, at: '"   "', rule: 'blank-text' },
  'two language codes that differ only in case': {
    changes: { 'site.yaml': replaceOnce('    name: English\n', '    name: English\n  EN:\n    name: English again\n') },
    file: 'site.yaml',
    at: 'EN:',
    rule: 'invalid-locale',
  },
  'zh-CN and zh-cn': {
    changes: { 'site.yaml': replaceOnce('    name: English\n', '    name: English\n  zh-CN:\n    name: 简体中文\n  zh-cn:\n    name: 中文\n') },
    file: 'site.yaml',
    at: 'zh-cn',
    rule: 'invalid-locale',
    reason: /only in upper and lower case/,
  },
  'a baseUrl with user:password': { changes: { 'site.yaml': replaceOnce('https://notices.example.com/', 'https://editor:secret@notices.example.com/') }, file: 'site.yaml', at: 'https://editor', rule: 'invalid-url', reason: /password/ },
  'a %YAML 1.1 directive': { changes: { [version]: (old) => `%YAML 1.1\n---\n${old}` }, file: version, at: '%YAML', rule: 'yaml-feature' },
  'a YAML 1.1 tag': { changes: { [version]: replaceOnce('effective: 2024-02-01', 'effective: !!timestamp 2024-02-01') }, file: version, at: '!!timestamp', rule: 'yaml-feature' },
};

describe('a flag written almost right is an error with the right spelling', () => {
  it.each(Object.entries(flags))('%s', async (_, testCase) => {
    await expectRefused(testCase);
  });
});

describe('a variable written incorrectly is an error, wherever text is shown', () => {
  it.each(Object.entries(variables))('%s', async (_, testCase) => {
    await expectRefused(testCase);
  });
});

describe('footnotes, invisible characters, duplicates, blank text, language codes, addresses, YAML 1.1', () => {
  it.each(Object.entries(others))('%s', async (_, testCase) => {
    const report = await expectRefused(testCase);
    // Content quoted in a message never reaches the terminal as a control character.
    expect(report).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('what must work, works', () => {
  it('variables are filled in link addresses before the address is checked', () => {
    const content = siteWith({
      'site.yaml': replaceOnce('app: Example App', 'app: Example App\n  website: https://www.example.com/privacy\n  email: privacy@example.com'),
      [en]: replaceOnce('We are not liable for outages.', 'See [our site]({{website}}) or [write to us](mailto:{{email}}).'),
    });
    const dist = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', content, '--out', dist, '--drafts']);
    expect(run.status, run.stderr).toBe(0);
    const links = selectAll('#liability a', readPage(dist, 'en/notice/index.html')).map((a) => [toText(a), a.properties['href']]);
    expect(links).toEqual([
      ['our site', 'https://www.example.com/privacy'],
      ['write to us', 'mailto:privacy@example.com'],
    ]);
  }, 120_000);

  it('an effective date before the publication date is a warning, and the site builds', () => {
    const content = siteWith({ [version]: replaceOnce('effective: 2024-02-01', 'effective: 2023-12-01') });
    const at = `${path.relative(path.resolve(import.meta.dirname, '../..'), path.join(content, version))}:3:12  warning  `;
    const run = runBuild(['--content', content, '--out', path.join(tempDir(), 'dist'), '--drafts']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${at}Unexpected effective date \`2023-12-01\` before the publication date \`2024-01-10\``);
    expect(run.stderr).toContain('(effective-before-published)');
    const check = runCheck(content);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain(at);
  }, 120_000);

  it('a site published in a folder: every link, asset, feed and sitemap entry carries the path', () => {
    const content = siteWith({ 'site.yaml': replaceOnce('https://notices.example.com/', 'https://example.github.io/project/') }, path.join(fixturesDir, 'sites/versions'));
    const dist = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', content, '--out', dist, '--drafts']);
    expect(run.status, run.stderr).toBe(0);
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(5);
    let internal = 0;
    for (const file of pages) {
      for (const element of selectAll('[href], [src]', readPage(dist, file))) {
        const url = String(element.properties['href'] ?? element.properties['src']);
        if (url.startsWith('#') || url.startsWith('https://crash.example.com/')) continue;
        internal++;
        expect(url, `${file}: ${url}`).toMatch(element.tagName === 'link' && element.properties['rel']?.toString() !== 'stylesheet' ? /^https:\/\/example\.github\.io\/project\// : /^\/project\//);
      }
    }
    expect(internal).toBeGreaterThan(30);
    for (const xml of ['sitemap.xml', 'en/notice/feed.xml']) {
      const urls = [...readFileSync(path.join(dist, xml), 'utf8').matchAll(/(?:href="|<loc>|<id>)([^"<]+)/g)].map((match) => match[1]!);
      expect(urls.length, xml).toBeGreaterThan(2);
      for (const url of urls) expect(url, xml).toMatch(/^https:\/\/example\.github\.io\/project\//);
    }
    const manifest = JSON.parse(readFileSync(path.join(dist, 'policies.json'), 'utf8'));
    expect(manifest.documents[0].url).toBe('https://example.github.io/project/en/notice/');
  }, 120_000);

  it('a site name with `]]>`, `<` and `&` leaves feed.xml and sitemap.xml valid XML', () => {
    const content = siteWith({ 'site.yaml': replaceOnce('name: Example Notices', 'name: "Notices ]]> <b>&amp; <![CDATA[ x"') });
    const dist = path.join(tempDir(), 'dist');
    const run = runBuild(['--content', content, '--out', dist, '--drafts']);
    expect(run.status, run.stderr).toBe(0);
    const feed = readFileSync(path.join(dist, 'en/notice/feed.xml'), 'utf8');
    expect(() => fromXml(feed)).not.toThrow();
    expect(() => fromXml(readFileSync(path.join(dist, 'sitemap.xml'), 'utf8'))).not.toThrow();
    expect(toText(selectAll('.site-name', readPage(dist, 'en/notice/index.html'))[0]!)).toBe('Notices ]]> <b>&amp; <![CDATA[ x');
    expect(run.stderr + run.stdout).not.toMatch(crashed);
  }, 120_000);
});
