/**
 * The interface words that ship: every language has every key, keeps the
 * English placeholders, and has exactly the plural forms Intl.PluralRules
 * gives its language; and t() picks the right form for a count.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uiProblems } from '../../src/i18n/check.ts';
import { loadShippedStrings, shippedStringsDir } from '../../src/i18n/load.ts';
import { categoriesOf, exactCategories, formsOf, isPluralKey, placeholdersOf, placeholdersOfKey, uiKeys, type UiMessages } from '../../src/i18n/messages.ts';
import { translator } from '../../src/i18n/translate.ts';

const { strings, files } = await loadShippedStrings();
const shipped = [...strings.keys()].sort();
const t = (locale: string) => translator(locale, strings.get(locale) as UiMessages);

describe('shipped interface words', () => {
  it('ship the languages a car maker’s app commonly needs', () => {
    const needed = ['en', 'zh-CN', 'zh-TW', 'zh-HK', 'ja', 'ko', 'de', 'fr', 'es', 'it', 'pt', 'pt-PT', 'ru', 'ar', 'nl', 'pl', 'tr', 'th', 'vi', 'id', 'ms', 'he', 'uk', 'sv'];
    expect(shipped).toEqual(expect.arrayContaining(needed));
    // A language is one file in src/i18n/strings/: nothing else registers it.
    expect(shipped).toEqual(readdirSync(shippedStringsDir).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, '')).sort());
  });

  it('pass their schema and message checks without a single message', () => {
    expect(files.flatMap((file) => file.messages.map((message) => `${file.basename}:${message.line}: ${message.reason}`))).toEqual([]);
    expect(files).toEqual([]);
    for (const locale of shipped) expect(uiProblems(strings.get(locale)!, locale), locale).toEqual([]);
  });

  it.each(shipped)('%s has every key, the English placeholders, and the plural forms of its language', (locale) => {
    const messages = strings.get(locale)!;
    expect(Object.keys(messages).filter((key) => key !== '$schema').sort()).toEqual([...uiKeys].sort());
    const categories = categoriesOf(locale);
    for (const key of uiKeys) {
      const message = messages[key]!;
      if (isPluralKey(key) && categories.length > 1) {
        expect(typeof message === 'string' ? ['(one text)'] : Object.keys(message).sort(), `${locale} ${key}`).toEqual([...categories].sort());
      } else {
        expect(typeof message, `${locale} ${key}`).toBe('string');
      }
      for (const [category, text] of formsOf(message)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        const used = new Set(placeholdersOf(text));
        // A form for one exact number ("one" = 1 in English, "two" = 2 in Hebrew) may spell the number out.
        const required = placeholdersOfKey(key).filter((name) => !(name === 'count' && category && exactCategories(locale).has(category)));
        for (const name of required) expect(used, `${locale} ${key} ${category ?? ''} keeps {${name}}`).toContain(name);
        for (const name of used) expect(placeholdersOfKey(key), `${locale} ${key}: {${name}}`).toContain(name);
      }
    }
  });
});

describe('counts use the plural rules of the language', () => {
  it('English: 1 clause, 2 clauses', () => {
    expect(t('en')('changes.unchangedSection', { section: 'Cookies', count: 1 })).toBe('Cookies: unchanged (1 clause)');
    expect(t('en')('changes.unchangedSection', { section: 'Cookies', count: 2 })).toBe('Cookies: unchanged (2 clauses)');
    expect(t('en')('changes.unchangedClauses', { count: 1 })).toBe('1 unchanged clause');
    expect(t('en')('changes.spansGained', { count: 3, flag: 'Important terms' })).toBe('3 passages newly marked as Important terms');
  });

  it('Russian: one, few, many (21 is one, 12 is many)', () => {
    const counts = [1, 2, 5, 12, 21, 22, 25].map((count) => t('ru')('changes.unchangedClauses', { count }));
    expect(counts).toEqual(['1 пункт', '2 пункта', '5 пунктов', '12 пунктов', '21 пункт', '22 пункта', '25 пунктов'].map((words) => `${words} без изменений`));
  });

  it('Polish: 22 takes few, 25 and 12 take many', () => {
    expect([1, 22, 25, 12].map((count) => t('pl')('changes.unchangedClauses', { count }))).toEqual(['1 niezmieniona klauzula', '22 niezmienione klauzule', '25 niezmienionych klauzul', '12 niezmienionych klauzul']);
  });

  it('Arabic: a form for 1, 2, 3–10, 11–99 and 100', () => {
    expect([1, 2, 3, 11, 100].map((count) => t('ar')('changes.unchangedClauses', { count }))).toEqual(['بند واحد دون تغيير', 'بندان دون تغيير', '3 بنود دون تغيير', '11 بندا دون تغيير', '100 بند دون تغيير']);
  });

  it('French: 1 000 000 takes the many form, with its own word order', () => {
    expect(t('fr')('changes.unchangedClauses', { count: 1_000_000 })).toBe('1\u202f000\u202f000 de clauses inchangées');
  });

  it('Chinese and Japanese: one form, the number written in', () => {
    expect(t('zh-CN')('changes.unchangedSection', { section: '引言', count: 1 })).toBe('引言：未变更（1条条款）');
    expect(t('ja')('changes.unchangedClauses', { count: 2 })).toBe('変更のない条項：2件');
  });
});

describe('t.parts()', () => {
  it('cuts a message at the placeholders left for markup, in the language’s order', () => {
    expect(t('en').parts('governing.notice', { language: 'English', governing: 'Chinese' })).toEqual(['This English text is a translation. If it differs from the Chinese text, the Chinese text prevails. ', { placeholder: 'link' }]);
    expect(t('zh-CN').parts('format.labelled', { value: '说明' })).toEqual([{ placeholder: 'label' }, '：说明']);
    expect(t('zh-CN').parts('changes.ins')).toEqual(['【新增：', { placeholder: 'text' }, '】']);
  });
});
