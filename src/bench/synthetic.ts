/**
 * Synthetic content for the benchmark, shaped like the example: per document,
 * language and version about 60 clauses and 12 KB of text, flags, variables,
 * an SDK table and a data inventory (whose three lists are pages of their
 * own, hosted and webview); each version rewords about 5% of the clauses and
 * adds or removes an SDK, so most text repeats from version to version, as
 * in life. Every fifth version needs renewed consent and has a first-launch
 * notice. Every version is published (versions.lock.yaml,
 * src/bench/publish.ts). The current version has a redline from every
 * earlier one (hosted and for the webview): the bare-Astro baseline builds
 * as many pages as this site has, the list pages included, from the same
 * words, so those pages count on both sides.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { InventoryInput } from '../schema/inventory.ts';
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
  /** The Markdown of each version's text in each language, and of its three lists, for the bare-Astro baseline. */
  texts: string[];
}

const variables = { app: 'Example App', company: 'Example Motors' };

export async function generateSite(dir: string, size: SiteSize): Promise<GeneratedSite> {
  const locales = localePool.slice(0, size.locales);
  const documents = documentPool.slice(0, size.documents);
  const texts: string[] = [];
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
      // Every version changes its SDKs, which needs renewed consent: a reason keeps the others non-material.
      const material = version % 5 === 0;
      const perLocale = (text: string) => Object.fromEntries(locales.map((code) => [code, text]));
      await writeYaml(path.join(folder, 'version.yaml'), { published: date, effective: date, material, ...(material ? { summary: perLocale(`Revision ${version}.`) } : { materialOverride: { reason: perLocale('Benchmark content.') } }) });
      const sdks = sdkDirectory(version, locales);
      await writeYaml(path.join(folder, 'sdks.yaml'), sdks);
      const data = inventory(version, locales, sdks.sdks.map((sdk) => sdk.id));
      await writeYaml(path.join(folder, 'inventory.yaml'), data);
      const source = policyText(document, version, 'en');
      const prints = sourceFingerprints(source, sdks, 'en', data);
      const translations: Record<string, typeof prints> = {};
      for (const locale of locales) {
        const text = locale === 'en' ? source : policyText(document, version, locale);
        await writeYaml(path.join(folder, `${locale}.yaml`), text);
        texts.push(asMarkdown(text), ...listsAsMarkdown(data, locale));
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

/**
 * A data inventory like the example's: twelve items (two sensitive), six
 * functions, three permissions, a processing row per function and one per
 * SDK, every SDK of the table as a recipient. Each version changes one
 * retention period, so that the inventory redline has something to say.
 */
function inventory(version: number, locales: string[], sdkIds: string[]): InventoryInput {
  const text = (value: string) => Object.fromEntries(locales.map((code) => [code, code === 'en' ? value : `(${code}) ${value}`]));
  const items = ['Mobile number', 'Name', 'Address', 'Device model', 'OS version', 'Device identifier', 'IP address', 'Network type', 'Usage logs', 'Precise location', 'Photos', 'Crash logs'];
  const categories = ['contact.phone', 'identity.name', 'contact.address', 'device.info', 'device.info', 'device.id', 'network.ip-address', 'network.status', 'usage.interactions', 'location.precise', 'user-content.photos', 'diagnostics.crash'] as const;
  const itemId = (index: number) => `item-${index + 1}`;
  const functions = ['Registration', 'Purchases', 'Customer service', 'App security', 'Location services', 'Photo upload'];
  const permissions = ['Location', 'Camera', 'Phone'];
  return {
    storage: ['CN'],
    dataItems: items.map((name, index) => ({
      id: itemId(index),
      name: text(name),
      category: categories[index]!,
      ...(index === 0 || index === 9 ? { sensitive: { class: index === 0 ? ('other' as const) : ('whereabouts' as const), necessity: text(`${name} is needed for the function.`), impact: text(`Without ${name.toLowerCase()} the function is unavailable.`) } } : {}),
      retention: index === 8 ? { period: `P${6 + version}M`, afterExpiry: 'delete' as const } : { rule: text('Until you delete your account'), afterExpiry: 'delete' as const },
    })),
    functions: functions.map((name, index) => ({ id: `function-${index + 1}`, name: text(name), kind: index < 4 ? ('basic' as const) : ('extended' as const), clause: `clause-${index * 10 + 1}` })),
    purposes: functions.map((name, index) => ({ id: `purpose-${index + 1}`, name: text(`Provide ${name.toLowerCase()}`), category: 'app-functionality' as const })),
    permissions: permissions.map((name, index) => ({ id: `permission-${index + 1}`, name: text(name), android: [`android.permission.${name.toUpperCase()}`], ios: [`NS${name}UsageDescription`], harmonyos: [`ohos.permission.${name.toUpperCase()}`], refusable: true, refusalEffect: text(`Without the ${name.toLowerCase()} permission this function is unavailable.`) })),
    processing: [
      ...functions.map((_, index) => ({
        id: `row-${index + 1}`,
        function: `function-${index + 1}`,
        scenario: text(`When you use ${functions[index]!.toLowerCase()}`),
        data: [itemId(index * 2), itemId(index * 2 + 1)],
        purposes: [`purpose-${index + 1}`],
        method: 'user-provided' as const,
        frequency: text('Each time you use the function'),
        ...(index >= 3 ? { permissions: [{ permission: `permission-${index - 2}`, frequency: text('While the function is in use') }] } : {}),
        necessity: 'required' as const,
        legalBasis: 'consent' as const,
        separateConsent: index === 0 || index === 4,
      })),
      ...sdkIds.map((id) => ({
        id: `row-${id}`,
        function: 'function-4',
        scenario: text('While you use the app'),
        data: [itemId(3), itemId(4), itemId(6)],
        purposes: ['purpose-4'],
        method: 'sdk' as const,
        frequency: text('When the app starts'),
        necessity: 'required' as const,
        legalBasis: 'consent' as const,
        separateConsent: false,
        recipients: [id],
      })),
    ],
    recipients: sdkIds.map((id) => ({ id, sdk: id, package: `com.example.${id.replace(/-/g, '')}`, version: '1.0.0', role: 'processor' as const, sharingMethod: text('Collected on the device by the SDK'), deidentified: true, location: ['CN'] })),
  };
}

/** The three lists of an inventory as Markdown tables, for the baseline's list pages. */
function listsAsMarkdown(data: InventoryInput, locale: string): string[] {
  const value = (localized: Record<string, string>) => localized[locale] ?? '';
  const names = new Map(data.dataItems.map((item) => [item.id, value(item.name)]));
  const table = (title: string, header: string[], rows: string[][]) =>
    [`# ${title}`, '', `| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''].join('\n');
  return [
    table('Collection', ['When', 'Information', 'Purpose', 'How often'], data.processing.map((row) => [value(row.scenario), (row.data ?? []).map((id) => names.get(id)).join(', '), row.purposes?.join(', ') ?? '', value(row.frequency)])),
    table('Sharing', ['Recipient', 'Package', 'Version', 'How shared'], data.recipients.map((recipient) => [recipient.id, String(recipient.package), recipient.version ?? '', value(recipient.sharingMethod)])),
    table('Permissions', ['Permission', 'Android', 'If you refuse'], data.permissions.map((permission) => [value(permission.name), (permission.android ?? []).join(', '), value(permission.refusalEffect)])),
  ];
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
  // Written out in full, as the project's commands write content files: no `&anchor` and `*alias`.
  await writeFile(file, stringify(data, { lineWidth: 0, aliasDuplicateObjects: false }));
}
