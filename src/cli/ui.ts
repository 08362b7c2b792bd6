/**
 * `npm run ui:new -- <language> [--from <language>]`: writes
 * content/ui/<language>.yaml with every interface key, to translate (a new
 * language) or to trim to the words a legal team wants to change (a language
 * that ships). The values start as the words of `--from`: by default the
 * language's own shipped words, else those it would borrow
 * (docs/translation.md), else English. Plural messages get one form per
 * plural category of the new language.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Document } from 'yaml';
import { loadShippedStrings } from '../i18n/load.ts';
import { categoriesOf, isPluralKey, uiKeys, type Message, type PluralForms } from '../i18n/messages.ts';
import { fallbackOf } from '../i18n/resolve.ts';
import { projectRoot } from './args.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { content: { type: 'string', default: path.join(projectRoot, 'content') }, from: { type: 'string' } },
});
const [locale] = positionals;
const canonical = (() => {
  try {
    return locale ? Intl.getCanonicalLocales(locale)[0] : undefined;
  } catch {
    return undefined;
  }
})();
if (!locale || canonical !== locale) {
  console.error(`Usage: npm run ui:new -- <language> [--from <language>]\n${locale ? `\`${locale}\` is not a language tag as site.yaml writes it${canonical ? `; did you mean \`${canonical}\`?` : '.'}` : ''}`);
  process.exit(2);
}

const { strings } = await loadShippedStrings();
const from = values.from ?? (strings.has(locale) ? locale : (fallbackOf(locale, strings.keys()) ?? 'en'));
const source = strings.get(from);
if (!source) {
  console.error(`No shipped interface words for \`${from}\`; languages that ship: ${[...strings.keys()].sort().join(', ')}.`);
  process.exit(2);
}

const categories = categoriesOf(locale);
/** A plural message reshaped to the new language's categories, each starting from the closest form there is. */
function reshape(message: Message): Message {
  const other = typeof message === 'string' ? message : message.other;
  if (categories.length === 1) return other;
  // Every language's categories include `other`.
  return Object.fromEntries(categories.map((category) => [category, typeof message === 'string' ? message : (message[category] ?? other)])) as PluralForms;
}

const contentDir = path.resolve(values.content);
const file = path.join(contentDir, 'ui', `${locale}.yaml`);
const document = new Document(Object.fromEntries(uiKeys.map((key) => [key, isPluralKey(key) ? reshape(source[key]!) : source[key]!])));
const schema = path.relative(path.dirname(file), path.join(projectRoot, 'schemas', 'ui.schema.json'));
document.commentBefore = [
  ` yaml-language-server: $schema=${schema}`,
  ` Interface words for ${locale}, started from the ${from} words. ${from === locale ? 'Delete every key you keep as it ships: the shipped words then apply, and improve with the project.' : 'Translate every value.'}`,
  ' Keep each {placeholder}; plural messages have one form per plural category of the language. See docs/translation.md.',
].join('\n');
await mkdir(path.dirname(file), { recursive: true });
try {
  await writeFile(file, document.toString({ lineWidth: 0 }), { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  console.error(`${path.relative(process.cwd(), file)} already exists; edit it, or delete it first.`);
  process.exit(1);
}
console.log(`Wrote ${path.relative(process.cwd(), file)} with the ${from} words.${strings.has(locale) ? '' : `\nTranslate each value, then list \`${locale}\` under \`locales:\` in site.yaml.`}`);
