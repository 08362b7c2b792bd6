/**
 * Schema of `content/ui/<locale>.yaml` (and of the interface words that ship
 * in `src/i18n/strings/<locale>.json`): interface words that add a language
 * or replace some of a shipped language's words. One key per message, as in
 * `src/i18n/strings/en.json`; every key is optional here, and what a language
 * still lacks after its files are merged is reported by src/i18n/resolve.ts.
 *
 *     changes.added: Hinzugefügt
 *     changes.unchangedClauses:
 *       one: "{count} unveränderte Klausel"
 *       other: "{count} unveränderte Klauseln"
 */
import { z } from 'zod';
import reference from '../i18n/strings/en.json' with { type: 'json' };
import { isPluralKey, uiKeys, type UiMessages } from '../i18n/messages.ts';

const textSchema = z.string().min(1);

export const pluralFormsSchema = z
  .strictObject({
    zero: textSchema.optional().describe('Form for the `zero` category (for example Arabic 0).'),
    one: textSchema.optional().describe('Form for the `one` category (English: 1).'),
    two: textSchema.optional().describe('Form for the `two` category (for example Arabic and Hebrew 2).'),
    few: textSchema.optional().describe('Form for the `few` category (for example Russian 2–4, Polish 2–4).'),
    many: textSchema.optional().describe('Form for the `many` category (for example Russian 5–20, French 1 000 000).'),
    other: textSchema.describe('Form for every other number; every language has it.'),
  })
  .describe('One text per plural category the language uses (Intl.PluralRules): `one`, `other`, …');

function messageSchema(key: (typeof uiKeys)[number]) {
  const english = reference[key];
  if (!isPluralKey(key)) return textSchema.optional().describe(`English: ${english as string}`);
  const forms = Object.entries(english).map(([category, text]) => `${category}: ${text}`).join('; ');
  return z.union([textSchema, pluralFormsSchema]).optional().describe(`Plural forms. English: ${forms}. A language with one form may write plain text.`);
}

export const uiStringsSchema = z.strictObject({
  $schema: z.string().optional().describe('Path of the JSON Schema that editors use to check this file.'),
  ...Object.fromEntries(uiKeys.map((key) => [key, messageSchema(key)])),
});

/** The messages a file gives (some or all keys). */
export type UiStringsInput = Partial<UiMessages> & { $schema?: string };
