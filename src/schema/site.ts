/** Schema of `content/site.yaml`: the site, its languages and its variables. */
import { z } from 'zod';
import { httpUrlSchema, idSchema, localeCodeSchema, maybeLocalizedTextSchema, textSchema } from './common.ts';

export const localeSchema = z.strictObject({
  /** The language's name in its own language, shown in language lists. */
  name: textSchema.describe('The language name in that language, such as `English` or `简体中文`.'),
  /** Writing direction; right-to-left languages such as Arabic set `rtl`. */
  dir: z.enum(['ltr', 'rtl']).default('ltr').describe('Writing direction: `ltr` (default) or `rtl`.'),
});

/** Settings of one document (its folder name is the key under `documents:`). */
export const documentSettingsSchema = z.strictObject({
  /** Its title on / and in the header; otherwise the title of its current version's text. */
  title: maybeLocalizedTextSchema
    .optional()
    .describe('The document’s name on / and in the header of every page, per language (`en:`, `zh-CN:` …). Without it, the title of its current version is used.'),
  /** What search results and link previews show under the title; otherwise the start of the first clause. */
  description: maybeLocalizedTextSchema
    .optional()
    .describe('One or two sentences for search results and link previews, per language (`en:`, `zh-CN:` …); about 150 characters. Without it, the start of the first clause is used.'),
});

export const variableNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: 'Expected a variable name made of letters, digits and `_`, starting with a letter, such as `app` or `contactEmail`.' });

export const siteSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of the JSON Schema that editors use to check this file.'),
    /** Name of the site, shown in the page header and the window title. */
    name: maybeLocalizedTextSchema.describe('Name of the site, shown in the header and window title.'),
    /** Address the site is published at, used for canonical links and the manifest. */
    baseUrl: httpUrlSchema
      .refine((value) => !URL.canParse(value) || (new URL(value).search === '' && new URL(value).hash === ''), {
        error: 'Unexpected `?` or `#` in the site address, expected the address of the site’s home, such as `https://privacy.example.com/` or `https://example.github.io/project/`',
        params: { ruleId: 'invalid-url' },
      })
      .describe('Address the site is published at, such as `https://privacy.example.com/`, or `https://example.github.io/project/` for a site in a folder.'),
    /** The language the legal team writes in; every other language is a translation of it. */
    sourceLocale: localeCodeSchema.describe('The language the legal team writes in; the others translate it.'),
    /** The language whose text prevails when translations differ; defaults to the source language. */
    governingLocale: localeCodeSchema.optional().describe('The language whose text prevails if translations differ. Defaults to `sourceLocale`.'),
    /** Languages of the site, keyed by language tag. */
    locales: z
      .record(localeCodeSchema, localeSchema)
      .refine((locales) => Object.keys(locales).length > 0, { error: 'List at least one language under `locales`.' })
      .describe('Languages of the site, keyed by language tag.'),
    /** Settings per document, keyed by the document's folder name. */
    documents: z
      .record(idSchema, documentSettingsSchema)
      .default({})
      .describe('Settings per document, keyed by its folder name (such as `privacy`): its `title` and its `description` for search results. The documents are listed on / and in the header in this order.'),
    /** Values written once and used in text as `{{name}}`. */
    variables: z
      .record(variableNameSchema, maybeLocalizedTextSchema)
      .default({})
      .describe('Values written once and used in text as `{{name}}`, such as the company and app names.'),
  })
  .superRefine((site, ctx) => {
    // `zh-CN` and `zh-cn` name one language (tags ignore case) but would make two sets of pages.
    const seen = new Map<string, string>();
    for (const code of Object.keys(site.locales)) {
      const first = seen.get(code.toLowerCase());
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['locales', code], params: { ruleId: 'invalid-locale', atKey: true }, message: `Unexpected language \`${code}\`: it differs from \`${first}\`, listed before it, only in upper and lower case; list each language once` });
      } else seen.set(code.toLowerCase(), code);
    }
    for (const key of ['sourceLocale', 'governingLocale'] as const) {
      const code = site[key];
      if (code !== undefined && !Object.hasOwn(site.locales, code)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Language \`${code}\` is not listed under \`locales\`; expected one of ${Object.keys(site.locales).map((known) => `\`${known}\``).join(', ')}`,
        });
      }
    }
  });

/** Stand-ins for required values that failed, so that the rest of the site is still checked (never published). */
export const sitePlaceholders = {
  name: '?',
  baseUrl: 'https://placeholder.invalid/',
  sourceLocale: (site: Record<string, unknown>) => Object.keys((site['locales'] as object | undefined) ?? {})[0] ?? 'en',
};

export type SiteInput = z.input<typeof siteSchema>;
export type SiteConfig = z.output<typeof siteSchema>;
export type LocaleConfig = z.output<typeof localeSchema>;
export type DocumentSettings = z.output<typeof documentSettingsSchema>;
