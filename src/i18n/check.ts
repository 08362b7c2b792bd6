/**
 * Checks the messages of one interface-words file (content/ui/<locale>.yaml
 * or a shipped src/i18n/strings/<locale>.json) beyond its schema: each
 * message keeps the placeholders of the English one, and each plural message
 * has exactly the forms its language uses. Problems are positioned messages
 * on the file.
 */
import { nodeAtPath, placeOfNode, type YamlSource } from '../load/yaml.ts';
import { fail, warn } from '../messages/message.ts';
import { closest } from '../messages/suggest.ts';
import type { UiStringsInput } from '../schema/ui.ts';
import { categoriesOf, exactCategories, formsOf, isPluralKey, placeholdersOf, placeholdersOfKey, uiKeys } from './messages.ts';

const code = (values: readonly string[]) => values.map((value) => `\`${value}\``).join(', ');
const braces = (names: readonly string[]) => code(names.map((name) => `{${name}}`));

export function checkUiMessages(source: YamlSource, data: UiStringsInput, locale: string): void {
  const categories = categoriesOf(locale);
  const exact = exactCategories(locale);
  const place = (path: string[]) => placeOfNode(source, nodeAtPath(source, path).node);

  for (const key of uiKeys) {
    const message = data[key];
    if (message === undefined) continue;

    if (isPluralKey(key)) {
      if (typeof message === 'string') {
        if (categories.length > 1) {
          fail(source.file, `Unexpected single text for \`${key}\`: \`${locale}\` has ${categories.length} plural forms, expected one text per form (${code(categories)})`, place([key]), 'ui-plural', `Write the forms under the key, one per line: ${categories.map((category) => `\`${category}: …\``).join(', ')} (see docs/translation.md).`);
        }
      } else {
        for (const category of categories) {
          if (message[category] === undefined) fail(source.file, `Missing plural form \`${category}\` of \`${key}\` for \`${locale}\`, expected ${code(categories)}`, place([key]), 'ui-plural');
        }
        for (const [category] of formsOf(message)) {
          if (category && !categories.includes(category)) warn(source.file, `Unexpected plural form \`${category}\` of \`${key}\`: \`${locale}\` uses only ${code(categories)}, so it is never shown`, place([key, category]), 'ui-plural', 'Remove the form, or check the file name’s language tag.');
        }
      }
    }

    const required = placeholdersOfKey(key);
    for (const [category, text] of formsOf(message)) {
      const path = category ? [key, category] : [key];
      const used = placeholdersOf(text);
      for (const name of used) {
        if (required.includes(name)) continue;
        const suggestion = closest(name, required);
        fail(source.file, `Unexpected placeholder \`{${name}}\` in \`${key}\`, expected ${required.length ? braces(required) : 'none (this message has no placeholders)'}${suggestion ? `. Did you mean \`{${suggestion}}\`?` : ''}`, place(path), 'ui-placeholder');
      }
      for (const name of required) {
        // A form for a single number ("one" in English) may spell the number out instead.
        if (used.includes(name) || (name === 'count' && category && exact.has(category))) continue;
        fail(source.file, `Missing placeholder \`{${name}}\` in \`${key}\`${category ? ` (form \`${category}\`)` : ''}, expected ${braces(required)}`, place(path), 'ui-placeholder');
      }
    }
  }
}
