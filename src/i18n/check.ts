/**
 * Checks the messages of one interface-words file (content/ui/<locale>.yaml
 * or a shipped src/i18n/strings/<locale>.json) beyond its schema: each
 * message keeps the placeholders of the English one, and each plural message
 * has exactly the forms its language uses. `uiProblems` finds them (plain
 * data, fast enough to run on every shipped file); `checkUiMessages` reports
 * them as positioned messages on the file.
 */
import { nodeAtPath, placeOfNode, type YamlSource } from '../load/yaml.ts';
import type { RuleId } from '../messages/catalog.ts';
import { fail, warn } from '../messages/message.ts';
import { closest } from '../messages/suggest.ts';
import type { UiStringsInput } from '../schema/ui.ts';
import { categoriesOf, exactCategories, formsOf, isPluralKey, placeholdersOf, placeholdersOfKey, uiKeys } from './messages.ts';

export interface UiProblem {
  /** Where in the file: the key, and the plural category when the problem is in one form. */
  path: string[];
  reason: string;
  ruleId: Extract<RuleId, 'ui-plural' | 'ui-placeholder'>;
  fatal: boolean;
  hint?: string;
}

const code = (values: readonly string[]) => values.map((value) => `\`${value}\``).join(', ');
const braces = (names: readonly string[]) => code(names.map((name) => `{${name}}`));

export function uiProblems(data: UiStringsInput, locale: string): UiProblem[] {
  const problems: UiProblem[] = [];
  const categories = categoriesOf(locale);

  for (const key of uiKeys) {
    const message = data[key];
    if (message === undefined) continue;

    if (isPluralKey(key)) {
      if (typeof message === 'string') {
        if (categories.length > 1) {
          problems.push({ path: [key], ruleId: 'ui-plural', fatal: true, reason: `Unexpected single text for \`${key}\`: \`${locale}\` has ${categories.length} plural forms, expected one text per form (${code(categories)})`, hint: `Write the forms under the key, one per line: ${categories.map((category) => `\`${category}: …\``).join(', ')} (see docs/translation.md).` });
        }
      } else {
        for (const category of categories) {
          if (message[category] === undefined) problems.push({ path: [key], ruleId: 'ui-plural', fatal: true, reason: `Missing plural form \`${category}\` of \`${key}\` for \`${locale}\`, expected ${code(categories)}` });
        }
        for (const [category] of formsOf(message)) {
          if (category && !categories.includes(category)) problems.push({ path: [key, category], ruleId: 'ui-plural', fatal: false, reason: `Unexpected plural form \`${category}\` of \`${key}\`: \`${locale}\` uses only ${code(categories)}, so it is never shown`, hint: 'Remove the form, or check the file name’s language tag.' });
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
        problems.push({ path, ruleId: 'ui-placeholder', fatal: true, reason: `Unexpected placeholder \`{${name}}\` in \`${key}\`, expected ${required.length ? braces(required) : 'none (this message has no placeholders)'}${suggestion ? `. Did you mean \`{${suggestion}}\`?` : ''}` });
      }
      for (const name of required) {
        // A form for a single number ("one" in English) may spell the number out instead.
        if (used.includes(name) || (name === 'count' && category && exactCategories(locale).has(category))) continue;
        problems.push({ path, ruleId: 'ui-placeholder', fatal: true, reason: `Missing placeholder \`{${name}}\` in \`${key}\`${category ? ` (form \`${category}\`)` : ''}, expected ${braces(required)}` });
      }
    }
  }
  return problems;
}

/** Reports the problems of `data` on its file, each at the value it is about. */
export function checkUiMessages(source: YamlSource, data: UiStringsInput, locale: string): void {
  for (const problem of uiProblems(data, locale)) {
    const place = placeOfNode(source, nodeAtPath(source, problem.path).node);
    (problem.fatal ? fail : warn)(source.file, problem.reason, place, problem.ruleId, problem.hint);
  }
}
