/**
 * The example's three lists, read from the built site and checked against
 * the content files, read here independently of the generator's loader:
 * every data item of the seed policy (in both languages, in the words of
 * its text), every function, every SDK and every permission is listed;
 * sensitive items are flagged with their necessity and impact; the pages
 * link to each other, to the policy's clauses and back; and the sitemap,
 * manifest, feed, history and changes pages know them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleContent } from '../helpers/content.ts';
import { readPage } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

type Localized = Record<string, string>;
interface Inventory {
  dataItems: { id: string; name: Localized; sensitive?: { class: string; necessity: Localized; impact: Localized } }[];
  functions: { id: string; name: Localized; clause?: string }[];
  permissions: { id: string; name: Localized; android?: string[] }[];
  processing: { function: string }[];
  recipients: { id: string; sdk?: string; name?: Localized; package?: string | string[]; version?: string }[];
}
interface Sdk { id: string; name: string | Localized; privacyPolicy: string }

const out = builtSite('example');
const versions = ['2022-09-15', '2025-06-01'];
const locales = ['en', 'zh-CN'];
const read = (file: string) => readFileSync(path.join(exampleContent, 'privacy', file), 'utf8');
const inventoryOf = (version: string) => parse(read(`${version}/inventory.yaml`)) as Inventory;
const sdksOf = (version: string) => (parse(read(`${version}/sdks.yaml`)) as { sdks: Sdk[] }).sdks;
const inLocale = (value: string | Localized, locale: string) => (typeof value === 'string' ? value : value[locale]!);
const normalize = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (element: Element | undefined) => normalize(element ? toText(element) : '');
const list = (locale: string, version: string, kind: string) => select('.inventory-list', readPage(out, `${locale}/privacy/${version}/${kind}/index.html`))!;

/** What the seed policy names, in the words of each language's text (the brief's list). */
const seedTerms = {
  en: ['cell phone number', 'verification code', 'name', 'address', 'gender', 'contact information', 'document type', 'document number', 'third party payment account', 'member account information', 'avatar', 'nickname', 'IMEI', 'mapping software', 'hardware model', 'OS version number', 'AndroidID', 'OAID', 'IMSI', 'ICCID', 'MEID', 'hardware serial number', 'MAC address', 'IP address', 'SSID, BSSID', 'Bluetooth', 'base station', 'software version number', 'network quality data', 'device sensor data', 'verification and validation results', 'Geolocation', 'cookies'],
  'zh-CN': ['手机号码', '验证码', '姓名', '地址', '性别', '联系方式', '证件类型', '证件号码', '第三方支付账号', '会员账号信息', '头像', '昵称', 'IMEI', '地图软件', '设备硬件型号', '操作系统版本号', 'AndroidID', 'OAID', 'IMSI', 'ICCID', 'MEID', '硬件序列号', 'MAC地址', 'IP地址', 'SSID、BSSID', '蓝牙', '基站', '软件版本号', '网络质量数据', '设备传感器数据', '核实及验证结果', '地理位置', 'Cookie'],
} as const;

describe('the collection list of each version and language', () => {
  it.each(versions.flatMap((version) => locales.map((locale) => [version, locale])))('%s %s lists every data item, in order, sensitive ones flagged with necessity and impact', (version, locale) => {
    const inventory = inventoryOf(version);
    const items = select('.list-items table', list(locale, version, 'collection'))!;
    const rows = selectAll('tbody tr', items);
    expect(rows.map((row) => text(select('th', row)))).toEqual(inventory.dataItems.map((item) => inItem(item.name, locale)));
    inventory.dataItems.forEach((item, index) => {
      const flagged = select('th strong.flag-sensitive', rows[index]!);
      expect(Boolean(flagged), item.id).toBe(Boolean(item.sensitive));
      if (item.sensitive) for (const words of [item.sensitive.necessity, item.sensitive.impact]) expect(text(rows[index]), item.id).toContain(normalize(words[locale]!));
    });
    for (const cell of selectAll('td', items)) expect(cell.properties['dataLabel'], 'each cell is labelled for the phone layout').toBeTruthy();
  });

  it.each(versions.flatMap((version) => locales.map((locale) => [version, locale])))('%s %s has a section per function, linked to its clause on the policy page', (version, locale) => {
    const inventory = inventoryOf(version);
    const collection = list(locale, version, 'collection');
    const policy = readPage(out, `${locale}/privacy/${version}/index.html`);
    const functions = inventory.functions.filter((entry) => inventory.processing.some((row) => row.function === entry.id));
    expect(selectAll('.list-function h2', collection).map((heading) => text(heading))).toEqual(functions.map((entry) => inItem(entry.name, locale)));
    for (const entry of functions) {
      const link = select(`#list-function-${entry.id} a`, collection)!;
      expect(link.properties['href']).toBe(`/${locale}/privacy/${version}/#${entry.clause}`);
      expect(select(`[id="${entry.clause}"]`, policy), entry.clause).toBeDefined();
    }
  });

  it.each(locales)('2022-09-15 in %s holds every item the seed policy names, in the words its text uses', (locale) => {
    const shown = text(list(locale, '2022-09-15', 'collection'));
    const policy = read(`2022-09-15/${locale}.yaml`);
    for (const term of seedTerms[locale as 'en' | 'zh-CN']) {
      expect(shown.toLowerCase(), term).toContain(term.toLowerCase());
      expect(policy.toLowerCase(), `${term} is the seed's own wording`).toContain(term.toLowerCase());
    }
  });

  it('the current address shows the current version’s lists', () => {
    for (const kind of ['collection', 'sharing', 'permissions']) {
      expect(text(select('.inventory-list', readPage(out, `en/privacy/${kind}/index.html`))).replaceAll('/en/privacy/#', '/en/privacy/2025-06-01/#')).toBe(text(list('en', '2025-06-01', kind)));
    }
  });
});

describe('the sharing list', () => {
  it.each(versions.flatMap((version) => locales.map((locale) => [version, locale])))('%s %s has every SDK of the SDK table, with package, version and privacy policy, and the other recipients', (version, locale) => {
    const sharing = list(locale, version, 'sharing');
    const sdks = sdksOf(version);
    const recipients = inventoryOf(version).recipients;
    const names = selectAll('.list-recipient h2', sharing).map((heading) => text(heading));
    expect(names).toEqual(recipients.map((recipient) => (recipient.sdk ? inLocale(sdks.find((sdk) => sdk.id === recipient.sdk)!.name, locale) : recipient.name![locale]!)));
    for (const sdk of sdks) {
      const section = select(`section:has(> h2[id="list-recipient-${sdk.id}"])`, sharing)!;
      const recipient = recipients.find((entry) => entry.sdk === sdk.id)!;
      expect(selectAll('a', section).map((a) => a.properties['href'])).toContain(sdk.privacyPolicy);
      for (const name of [recipient.package].flat()) expect(text(section)).toContain(name!);
      expect(text(section)).toContain(recipient.version!);
    }
  });

  it('shows AMap in 2025 and Weibo in 2022 only', () => {
    expect(text(list('en', '2022-09-15', 'sharing'))).toContain('Weibo SDK');
    expect(text(list('en', '2022-09-15', 'sharing'))).not.toContain('AMap');
    expect(text(list('zh-CN', '2025-06-01', 'sharing'))).toContain('高德定位SDK');
    expect(text(list('zh-CN', '2025-06-01', 'sharing'))).not.toContain('微博SDK');
  });
});

describe('the permission list', () => {
  it.each(versions.flatMap((version) => locales.map((locale) => [version, locale])))('%s %s has a row per permission with its system names, and whether and at what cost it can be refused', (version, locale) => {
    const permissions = inventoryOf(version).permissions;
    const rows = selectAll('tbody tr', list(locale, version, 'permissions'));
    expect(rows.map((row) => text(select('th', row)))).toEqual(permissions.map((permission) => permission.name[locale]!));
    permissions.forEach((permission, index) => {
      for (const name of permission.android ?? []) expect(text(rows[index]), permission.id).toContain(name);
    });
    expect(permissions.map((permission) => permission.id)).toEqual(['camera', 'album', 'location', 'phone']);
  });
});

describe('pages that lead to the lists', () => {
  it('the hosted policy page links its three lists; the webview policy page does not, and each webview list is a light page', () => {
    const links = (file: string) => selectAll('article a', readPage(out, file)).map((a) => String(a.properties['href']));
    expect(links('en/privacy/2022-09-15/index.html')).toEqual(expect.arrayContaining(['/en/privacy/2022-09-15/collection/', '/en/privacy/2022-09-15/sharing/', '/en/privacy/2022-09-15/permissions/']));
    expect(links('en/privacy/index.html')).toEqual(expect.arrayContaining(['/en/privacy/collection/', '/en/privacy/sharing/', '/en/privacy/permissions/']));
    expect(links('webview/en/privacy/index.html').filter((href) => href.includes('collection'))).toEqual([]);
    const webview = readPage(out, 'webview/zh-CN/privacy/2022-09-15/sharing/index.html');
    expect(selectAll('header, nav, footer', webview)).toEqual([]);
    expect(selectAll('.list-recipient', webview)).toHaveLength(6);
    expect(selectAll('ul a', select('article', webview)!).slice(0, 1).map((a) => a.properties['href'])).toEqual(['/webview/zh-CN/privacy/2022-09-15/']);
  });

  it('the sitemap lists every hosted list page, and /policies.json gives each version’s lists and inventory hash', () => {
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    for (const locale of locales) for (const version of ['', '2022-09-15/', '2025-06-01/']) for (const kind of ['collection', 'sharing', 'permissions']) expect(sitemap).toContain(`<loc>https://privacy.kaiyang-motors.example/${locale}/privacy/${version}${kind}/</loc>`);
    expect(sitemap).not.toContain('/webview/');
    const manifest = JSON.parse(readFileSync(path.join(out, 'policies.json'), 'utf8'));
    const zh = manifest.documents.find((entry: { locale: string }) => entry.locale === 'zh-CN');
    expect(zh.lists.permissions).toEqual({ url: 'https://privacy.kaiyang-motors.example/zh-CN/privacy/permissions/', webviewUrl: 'https://privacy.kaiyang-motors.example/webview/zh-CN/privacy/permissions/' });
    const lock = parse(readFileSync(path.join(exampleContent, 'versions.lock.yaml'), 'utf8')).entries as { version: string; record: string; records: Record<string, string> }[];
    for (const version of zh.versions) {
      expect(version.inventory.sha256).toBe(lock.find((entry) => entry.record === 'inventory' && entry.version === version.version)!.records['zh-CN']);
      expect(version.inventory.lists.collection.url).toBe(`https://privacy.kaiyang-motors.example/zh-CN/privacy/${version.version}/collection/`);
    }
  });

  it('the changes page and the feed tell the 2025 inventory changes as sentences; the feed links each version’s lists', () => {
    const changes = readPage(out, 'en/privacy/2025-06-01/changes/index.html');
    const sentences = selectAll('#_inventory-changes li', changes).map((item) => text(item));
    expect(sentences).toContain('AMap (Gaode) Location SDK added: collects Geolocation, Hardware model, OS version number, IP address, and Network access method, type and status for: Navigate you to a dealer and Show charging stations near your vehicle, locate your vehicle and provide emergency assistance (needs your consent again)');
    expect(sentences).toContain('Weibo SDK removed');
    expect(sentences).toContain('New personal information collected: Precise location and driving trajectory (needs your consent again)');
    const feed = readFileSync(path.join(out, 'zh-CN/privacy/feed.xml'), 'utf8');
    expect(feed).toContain('<content type="html">');
    expect(feed).toContain('新增高德定位SDK：收集');
    expect(feed).toContain('移除微博SDK');
    expect(feed).toContain('<link rel="related" type="text/html" title="已收集个人信息清单" href="https://privacy.kaiyang-motors.example/zh-CN/privacy/2022-09-15/collection/" />');
  });
});

function inItem(name: Localized, locale: string): string {
  return normalize(name[locale]!);
}
