/**
 * Synthetic content for the benchmark, shaped like the example: per document,
 * language and version about 60 clauses and 12 KB of text, flags, variables
 * and an SDK table; each version rewords about 5% of the clauses and adds or
 * removes an SDK, so most text repeats from version to version, as in life.
 * Every fifth version needs renewed consent and has a first-launch notice.
 * Every version is published (versions.lock.yaml, src/bench/publish.ts).
 * The current version has a redline from every earlier one (hosted and for
 * the webview): the bare-Astro baseline builds as many pages as this site
 * has, so those pages count on both sides.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { PolicyTextInput } from '../schema/policy-text.ts';
import type { SdkDirectoryInput } from '../schema/sdks.ts';
import { sourceFingerprints } from '../translation/fingerprint.ts';
import { publishSyntheticSite } from './publish.ts';

export interface SiteSize {
  documents: number;
  versions: number;
  locales: number;
}

/** Languages the benchmark uses: the shipped interface languages and regional variants of them. */
const localePool = ['en', 'zh-CN', 'ar', 'en-GB', 'zh-SG', 'ar-EG', 'en-AU', 'en-CA', 'zh-HK', 'en-IE', 'en-NZ', 'ar-MA'];
const documentPool = ['privacy', 'terms', 'cookies', 'children', 'vehicle-data'];

const sentences = [
  'We collect personal information only for the purposes described in this policy and only to the extent necessary.',
  'When you register, you provide your :sensitive[mobile phone number] and a verification code sent to it.',
  'If you choose not to provide this information, we may not be able to provide the corresponding service.',
  'We process {{app}} usage data to keep the service secure, stable and efficient.',
  ':important[You may withdraw your consent at any time in the settings of {{app}}.]',
  'Withdrawing consent does not affect processing carried out on the basis of consent before its withdrawal.',
  'We store personal information collected in China within the territory of China.',
  'We keep personal information only for the shortest period necessary, and then delete or anonymise it.',
  'Our partners process information only as we instruct them and under agreements that protect it.',
  'You can access, correct, copy and delete your personal information, and ask us to explain our rules.',
  'We use encryption, access controls and audits to protect personal information against loss and misuse.',
  'If a security incident occurs, we will inform you and the authorities as the law requires.',
];

export interface GeneratedSite {
  dir: string;
  /** The Markdown of each version's text in each language, for the bare-Astro baseline. */
  texts: string[];
}

export async function generateSite(dir: string, size: SiteSize): Promise<GeneratedSite> {
  const locales = localePool.slice(0, size.locales);
  const documents = documentPool.slice(0, size.documents);
  const texts: string[] = [];
  const variables = { company: 'Example Motors', app: 'Example App' };
  await writeYaml(path.join(dir, 'site.yaml'), {
    name: 'Benchmark Notices',
    baseUrl: 'https://notices.example.com/',
    sourceLocale: 'en',
    locales: Object.fromEntries(locales.map((code) => [code, { name: code, dir: code.startsWith('ar') ? 'rtl' : 'ltr' }])),
    variables,
  });

  for (const document of documents) {
    for (let version = 0; version < size.versions; version++) {
      const date = versionDate(version);
      const folder = path.join(dir, document, date);
      await writeYaml(path.join(folder, 'version.yaml'), { published: date, effective: date, material: version % 5 === 0, ...(version % 5 === 0 ? { summary: Object.fromEntries(locales.map((code) => [code, `Revision ${version}.`])) } : {}) });
      const sdks = sdkDirectory(version, locales);
      await writeYaml(path.join(folder, 'sdks.yaml'), sdks);
      const source = policyText(document, version, 'en');
      const prints = sourceFingerprints(source, sdks, 'en');
      const translations: Record<string, typeof prints> = {};
      for (const locale of locales) {
        const text = locale === 'en' ? source : policyText(document, version, locale);
        await writeYaml(path.join(folder, `${locale}.yaml`), text);
        texts.push(asMarkdown(text));
        if (locale !== 'en') translations[locale] = prints;
      }
      if (Object.keys(translations).length > 0) await writeYaml(path.join(folder, 'translations.yaml'), { translations });
      if (version % 5 === 0) await writeYaml(path.join(folder, 'notice.yaml'), { text: Object.fromEntries(locales.map((code) => [code, noticeText(code)])) });
      await writeYaml(path.join(folder, 'variables.yaml'), { values: Object.fromEntries(locales.map((code) => [code, variables])) });
    }
  }
  await publishSyntheticSite(dir, locales);
  return { dir, texts };
}

/** A first-launch notice: two sentences with links to the policy and to a section of it. */
function noticeText(locale: string): string {
  const tag = locale === 'en' ? '' : `(${locale}) `;
  return `${tag}Welcome to {{app}}. Before you start, please read the [policy](page:policy).\n\nIt explains [what we collect](#section-1) and how to :important[withdraw your consent].\n`;
}

function versionDate(index: number): string {
  const date = new Date(Date.UTC(2020, index * 2, 1));
  return date.toISOString().slice(0, 10);
}

/** Six sections of ten clauses; three clauses reworded in each version after the first. */
function policyText(document: string, version: number, locale: string): PolicyTextInput {
  const tag = locale === 'en' ? '' : `(${locale}) `;
  return {
    title: `${tag}{{company}} ${document} notice`,
    sections: Array.from({ length: 6 }, (_, s) => ({
      id: `section-${s + 1}`,
      title: `${tag}${s + 1}. Section ${s + 1}`,
      clauses: Array.from({ length: 10 }, (_, c) => {
        const n = s * 10 + c;
        const reworded = Array.from({ length: version }, (_, v) => v + 1).filter((v) => [0, 1, 2].some((k) => (v * 7 + k * 13) % 60 === n));
        const text = [sentences[n % sentences.length], sentences[(n * 5 + 3) % sentences.length], `Clause ${n + 1}.`].join(' ');
        return {
          id: `clause-${n + 1}`,
          ...(c === 0 ? { title: `${tag}${s + 1}.${c + 1} Clause ${n + 1}` } : {}),
          ...(n === 37 ? { flag: 'important' as const } : {}),
          ...(n === 59 ? { sdks: 'all' as const } : {}),
          text: `${tag}${text}${reworded.map((v) => ` Revised in version ${v}.`).join('')}\n`,
        };
      }),
    })),
  };
}

function sdkDirectory(version: number, locales: string[]): SdkDirectoryInput {
  const base = ['analytics', 'payment', 'sharing', 'crash', 'push'];
  // One SDK added every other version, and the oldest added one removed in between.
  const added = Array.from({ length: Math.floor((version + 1) / 2) }, (_, k) => `extra-${k + 1}`).slice(Math.floor(version / 2) > 0 ? 1 : 0);
  return {
    sdks: [...base, ...added].map((id) => ({
      id,
      name: `${id} SDK`,
      provider: `${id} Technology Co., Ltd.`,
      purpose: Object.fromEntries(locales.map((code) => [code, `${code === 'en' ? '' : `(${code}) `}Provides ${id} features`])),
      personalInformation: Object.fromEntries(locales.map((code) => [code, ['Device information', 'Network information']])),
      privacyPolicy: `https://${id}.example.com/privacy`,
    })),
  };
}

function asMarkdown(text: PolicyTextInput): string {
  const lines = [`# ${text.title}`];
  for (const section of text.sections) {
    lines.push('', `## ${section.title ?? section.id}`);
    for (const clause of section.clauses) {
      if (clause.title) lines.push('', `### ${clause.title}`);
      lines.push('', clause.text.replace(/:(?:sensitive|important)\[([^\]]*)\]/g, '**$1**').replace(/\{\{(\w+)\}\}/g, '$1'));
    }
  }
  return `${lines.join('\n')}\n`;
}

async function writeYaml(file: string, data: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, stringify(data, { lineWidth: 0 }));
}
