/** Schema of `content/<document>/<YYYY-MM-DD>/<locale>.yaml`: the policy text in one language. */
import { z } from 'zod';
import { listKinds } from '../inventory/taxonomy.ts';
import { idSchema, textSchema } from './common.ts';

/** Kinds of flag. Both render bold and underlined; the legend explains each. */
export const flagKinds = ['sensitive', 'important'] as const;
export type FlagKind = (typeof flagKinds)[number];

/** The class of a flag's `<strong>`: one class per kind, `flag-sensitive` or `flag-important`. */
export function flagClass(kind: FlagKind): string {
  return `flag-${kind}`;
}

export const flagSchema = z
  .enum(flagKinds)
  .describe('Flags the whole clause: `sensitive` (sensitive personal information) or `important` (material to your rights, or limits our liability).');

export const clauseSchema = z.strictObject({
  id: idSchema,
  /** Optional heading of the clause, plain text; `{{variables}}` allowed. */
  title: textSchema.optional().describe('Optional heading of the clause (plain text, `{{variables}}` allowed).'),
  /** The clause in Markdown: paragraphs, lists, tables, links, `:sensitive[…]` and `:important[…]`. */
  text: textSchema.describe('The clause in Markdown. Flag a span with `:sensitive[…]` or `:important[…]`.'),
  flag: flagSchema.optional(),
  /** Places the SDK table after the clause text: `all`, or a list of SDK ids. */
  sdks: z
    .union([z.literal('all'), z.array(idSchema).min(1)])
    .optional()
    .describe('Shows the SDK table after this clause: `all`, or a list of SDK ids.'),
  /** Places lists generated from the version's inventory.yaml after the clause text (and after the SDK table). */
  lists: z
    .array(z.enum(listKinds))
    .min(1)
    .optional()
    .describe('Shows lists generated from inventory.yaml after this clause: `collection` (personal information collected), `sharing` (shared with third parties), `permissions`.'),
});

export const sectionSchema = z.strictObject({
  id: idSchema,
  /** Heading of the section; a section without a title (a preamble) is not listed in the table of contents. */
  title: textSchema.optional().describe('Heading of the section (plain text, `{{variables}}` allowed). Leave out for a preamble.'),
  clauses: z.array(clauseSchema).min(1).describe('The clauses of the section, in reading order.'),
});

export const policyTextSchema = z.strictObject({
  $schema: z.string().optional().describe('Path of the JSON Schema that editors use to check this file.'),
  /** Title of the document in this language. */
  title: textSchema.describe('Title of the document in this language (`{{variables}}` allowed).'),
  sections: z.array(sectionSchema).min(1).describe('The sections of the document, in reading order.'),
  /** The SDK directory's words in this language, when sdks.yaml does not give them (a translation added to a published version). */
  sdkTexts: z
    .record(
      idSchema,
      z.strictObject({
        name: z.string().min(1).optional().describe('The SDK’s name in this language, when sdks.yaml gives names per language.'),
        provider: z.string().min(1).optional().describe('The provider in this language, when sdks.yaml gives providers per language.'),
        purpose: z.string().min(1).describe('Why the app embeds the SDK, in this language.'),
        personalInformation: z.array(z.string().min(1)).min(1).describe('The personal information it processes, in this language.'),
      }),
    )
    .optional()
    .describe('Only for a language that sdks.yaml does not cover, such as a translation added to a published version (whose sdks.yaml cannot change): SDK id → its words in this language.'),
});

/** Stand-ins for required values that failed, so that the rest of the file is still checked (never published). */
export const policyTextPlaceholders = { title: '?' };

export type ClauseInput = z.output<typeof clauseSchema>;
export type SectionInput = z.output<typeof sectionSchema>;
export type PolicyTextInput = z.output<typeof policyTextSchema>;
