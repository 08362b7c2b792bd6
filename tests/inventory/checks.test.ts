/**
 * The data inventory's checks, one fixture per message: each breaks one
 * thing in a clean bilingual site (tests/fixtures/sites/inventory) and
 * expects exactly that message, on the right file and line, with a fix.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { fixturesDir, messagesOf, positionOf, replaceOnce, siteWith, type Change, type Reported } from '../helpers/content.ts';

const site = path.join(fixturesDir, 'sites/inventory');
const inventory = 'notice/2024-01-10/inventory.yaml';
const en = 'notice/2024-01-10/en.yaml';

async function check(changes: Record<string, Change>, mode: 'publish' | 'preview' = 'publish') {
  const dir = siteWith(changes, site);
  return { dir, ...(await messagesOf(dir, mode)) };
}

/** The one message of `ruleId`, at the line of `needle` in `file`. */
function expectOne(result: { dir: string; messages: Reported[] }, ruleId: string, file: string, needle: string, reason: RegExp | string, occurrence = 1): Reported {
  const found = result.messages.filter((message) => message.ruleId === ruleId);
  expect(found, JSON.stringify(result.messages, null, 2)).toHaveLength(1);
  const message = found[0]!;
  expect(message.file).toBe(file);
  expect(message.line).toBe(positionOf(path.join(result.dir, file), needle, occurrence).line);
  expect(message.reason).toMatch(reason);
  expect(message.note).toBeTruthy();
  return message;
}

describe('the clean fixture', () => {
  it('has no message at all, so that each case below is the only problem', async () => {
    const { messages, ok } = await check({});
    expect(messages).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('docs/inventory.md', () => {
  it('its complete example passes every check', async () => {
    const doc = readFileSync(path.join(projectRoot, 'docs/inventory.md'), 'utf8');
    const example = /## A complete example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const clauseId = (text: string) => text.replace('      - id: phone\n', '      - id: registration\n');
    const result = await check({ [inventory]: example, [en]: clauseId, 'notice/2024-01-10/zh-CN.yaml': clauseId, 'notice/2024-01-10/translations.yaml': null }, 'preview');
    expect(result.messages.filter((message) => message.ruleId !== 'translation-stale')).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('schema', () => {
  it('an unknown category is refused, with a did-you-mean from the taxonomy', async () => {
    const result = await check({ [inventory]: replaceOnce('category: device.info', 'category: device.infos') });
    const message = expectOne(result, 'invalid-value', inventory, 'device.infos', 'Did you mean `device.info`?');
    expect(message.reason).toContain('in data item `device-model`');
  });

  it('a retention with both a period and a rule is refused', async () => {
    const result = await check({ [inventory]: replaceOnce('retention: { period: P30D, afterExpiry: delete }', 'retention: { period: P30D, rule: { en: Forever, zh-CN: 永久 } }') });
    expectOne(result, 'invalid-value', inventory, 'retention: { period: P30D', /exactly one of `period:`/);
  });

  it('a duration that is not ISO 8601 is refused', async () => {
    const result = await check({ [inventory]: replaceOnce('period: P30D', 'period: 30 days') });
    expectOne(result, 'invalid-value', inventory, '30 days', /ISO 8601/);
  });

  it('a recipient that is neither an SDK nor named is refused', async () => {
    const result = await check({ [inventory]: replaceOnce('    sdk: crash-sdk\n', '') });
    expect(result.messages.some((message) => message.ruleId === 'invalid-value' && message.reason.includes('Expected `sdk:`'))).toBe(true);
  });

  it('an unknown list in a clause is refused', async () => {
    const result = await check({ [en]: replaceOnce('        sdks: all', '        sdks: all\n        lists: [colection]') });
    expectOne(result, 'invalid-value', en, 'colection', 'Did you mean `collection`?');
  });
});

describe('references and ids', () => {
  it('a row naming an unknown data item', async () => {
    const result = await check({ [inventory]: replaceOnce('data: [device-model]', 'data: [device-modle]') });
    const message = expectOne(result, 'inventory-reference', inventory, 'device-modle', 'Unknown data item `device-modle` in processing row `crashes`');
    expect(message.reason).toContain('Did you mean `device-model`?');
  });

  it('a row naming an unknown function, purpose, permission and recipient', async () => {
    const result = await check({
      [inventory]: (text) => text.replace('function: sign-in\n', 'function: signin\n').replace('purposes: [crashes]', 'purposes: [crash]').replace('permission: phone-state', 'permission: phone').replace('recipients: [crash-sdk]', 'recipients: [crash-skd]'),
    });
    const reasons = result.messages.filter((message) => message.ruleId === 'inventory-reference').map((message) => message.reason);
    expect(reasons).toEqual([
      expect.stringContaining('Unknown function `signin`'),
      expect.stringContaining('Unknown permission `phone`'),
      expect.stringContaining('Unknown purpose `crash`'),
      expect.stringContaining('Unknown recipient `crash-skd`'),
    ]);
  });

  it('a duplicate id, with the first use as its cause', async () => {
    const result = await check({ [inventory]: replaceOnce('  - id: device-model', '  - id: mobile-number') });
    const message = expectOne(result, 'duplicate-id', inventory, 'id: mobile-number', 'Unexpected duplicate data item id `mobile-number`', 2);
    expect(message.cause).toMatchObject({ file: inventory, line: positionOf(path.join(result.dir, inventory), 'id: mobile-number').line });
  });

  it('a function naming a clause the policy text lacks (a warning)', async () => {
    const result = await check({ [inventory]: replaceOnce('clause: phone,', 'clause: phon,') });
    const message = expectOne(result, 'broken-reference', inventory, 'clause: phon,', 'Did you mean `phone`?');
    expect(message.fatal).toBe(false);
  });

  it('`lists:` in a clause of a version without inventory.yaml', async () => {
    const result = await check({ [inventory]: null, [en]: replaceOnce('        sdks: all', '        sdks: all\n        lists: [collection]'), 'notice/2024-01-10/zh-CN.yaml': replaceOnce('        sdks: all', '        sdks: all\n        lists: [collection]') });
    const missing = result.messages.filter((message) => message.ruleId === 'file-missing');
    expect(missing.map((message) => [message.file, message.reason])).toEqual([
      [en, 'Unexpected `lists:` in a clause: this version has no inventory.yaml'],
      ['notice/2024-01-10/zh-CN.yaml', 'Unexpected `lists:` in a clause: this version has no inventory.yaml'],
    ]);
  });
});

describe('what the law asks of each entry', () => {
  it('a sensitive item without necessity and impact', async () => {
    const result = await check({ [inventory]: (text) => text.replace(/      necessity: \{ en: Needed to sign you in\.[^\n]*\n      impact: [^\n]*\n/, '') });
    expectOne(result, 'inventory-sensitive-incomplete', inventory, 'class: other', 'Missing `necessity:` and `impact:` for sensitive data item `mobile-number`');
  });

  it('a processing row without purpose, method or data', async () => {
    const result = await check({ [inventory]: (text) => text.replace('    data: [device-model]\n    purposes: [crashes]\n    method: sdk\n', '') });
    expectOne(result, 'inventory-row-incomplete', inventory, '- id: crashes', 'Missing `purposes:`, `method:` and `data:` in processing row `crashes`');
  });

  it('an SDK without package and version', async () => {
    const result = await check({ [inventory]: (text) => text.replace('    package: com.example.crash\n    version: 2.1.0\n', '') });
    expectOne(result, 'inventory-recipient-incomplete', inventory, 'id: crash-sdk', 'Missing `package:` and `version:` in recipient `crash-sdk`');
  });

  it('a recipient that is not an SDK, without operator or a way to reach it', async () => {
    const partner = '  - id: partner\n    name: { en: Partner, zh-CN: 合作方 }\n    role: third-party\n    sharingMethod: { en: By API, zh-CN: 接口传输 }\n    deidentified: false\n    location: [SG]\n';
    const result = await check({ [inventory]: (text) => `${text.replace('recipients: [crash-sdk]', 'recipients: [crash-sdk, partner]')}${partner}` });
    expectOne(result, 'inventory-recipient-incomplete', inventory, 'id: partner', 'Missing `operator:` and `privacyPolicy:` or `contact:` in recipient `partner`');
  });

  it('a data item without retention', async () => {
    const result = await check({ [inventory]: replaceOnce('    retention: { period: P30D, afterExpiry: delete }\n', '') });
    expectOne(result, 'inventory-retention-missing', inventory, 'id: device-model', 'Missing `retention:` for data item `device-model`');
  });
});

describe('the inventory against the SDK table', () => {
  it('an SDK recipient that sdks.yaml does not list', async () => {
    const result = await check({ [inventory]: replaceOnce('    sdk: crash-sdk', '    sdk: crash-kit') });
    const messages = result.messages.filter((message) => message.ruleId === 'inventory-sdk-mismatch');
    expect(messages.map((message) => message.reason)).toEqual([
      expect.stringContaining('Unexpected SDK `crash-kit` in recipient `crash-sdk`: the SDK table (sdks.yaml) does not list it'),
      expect.stringContaining('Missing recipient for SDK `crash-sdk`'),
    ]);
    expect(messages[0]!.line).toBe(positionOf(path.join(result.dir, inventory), 'crash-kit').line);
  });

  it('an SDK of sdks.yaml that no recipient names, pointing at the SDK table', async () => {
    const extra = '  - id: push-sdk\n    name: Push SDK\n    provider: Push Inc.\n    purpose:\n      en: Notifications\n      zh-CN: 推送\n    personalInformation:\n      en: [Device information]\n      zh-CN: [设备信息]\n    privacyPolicy: https://push.example.com/privacy\n';
    const result = await check({ 'notice/2024-01-10/sdks.yaml': (text) => `${text}${extra}`, 'notice/2024-01-10/translations.yaml': (text) => text.replace('      crash-sdk: b0a31de58bd7', '      crash-sdk: b0a31de58bd7\n      push-sdk: 000000000000') }, 'preview');
    const message = expectOne(result, 'inventory-sdk-mismatch', inventory, 'recipients:\n  - id', 'Missing recipient for SDK `push-sdk`');
    expect(message.cause).toMatchObject({ file: 'notice/2024-01-10/sdks.yaml', line: positionOf(path.join(result.dir, 'notice/2024-01-10/sdks.yaml'), 'id: push-sdk').line });
  });
});

describe('nothing defined goes unused (warnings)', () => {
  it('a permission no processing row uses', async () => {
    const result = await check({ [inventory]: replaceOnce('    permissions:\n      - { permission: phone-state, frequency: { en: Once at sign-in, zh-CN: 登录时调用1次 } }\n', '') });
    const message = expectOne(result, 'inventory-unused', inventory, 'id: phone-state', 'Unexpected permission `phone-state` that no processing row uses');
    expect(message.fatal).toBe(false);
  });

  it('a data item nothing collects', async () => {
    const result = await check({ [inventory]: replaceOnce('data: [device-model]', 'data: [mobile-number]') });
    expectOne(result, 'inventory-unused', inventory, 'id: device-model', 'Unexpected data item `device-model` that no processing row collects');
  });
});

describe('languages', () => {
  it('a localized value missing in a language of the version, naming it', async () => {
    const result = await check({ [inventory]: replaceOnce('name: { en: Device model, zh-CN: 设备型号 }', 'name: { en: Device model }') });
    const message = expectOne(result, 'missing-translation', inventory, 'name: { en: Device model }', 'Missing `zh-CN:` under `name` in `device-model`');
    expect(message.fatal).toBe(true);
  });

  it('a source value changed since the translation was confirmed is stale, at the translated value (a warning in a draft)', async () => {
    const result = await check({ [inventory]: replaceOnce('name: { en: Device model, zh-CN: 设备型号 }', 'name: { en: Phone model, zh-CN: 设备型号 }') });
    const message = expectOne(result, 'translation-stale', inventory, '设备型号', 'Stale translation of inventory entry `item:device-model` in zh-CN');
    expect(message.fatal).toBe(false);
    expect(message.note).toContain('npm run translations:confirm -- zh-CN');
  });
});

describe('an inventory whose translations were never confirmed', () => {
  it('gets one message, not one per entry', async () => {
    const result = await check({ 'notice/2024-01-10/translations.yaml': (text) => text.slice(0, text.indexOf('    inventory:')) });
    const stale = result.messages.filter((message) => message.ruleId === 'translation-stale');
    expect(stale.map((message) => [message.file, message.line, message.reason])).toEqual([[inventory, 1, 'Unconfirmed translation of the inventory in zh-CN: no record says which en text its zh-CN values were translated from']]);
  });
});

describe('the lint learns sensitive names from the inventory', () => {
  it('warns where a sensitive item is named unflagged in the text of its language, pointing at the inventory', async () => {
    const result = await check({ 'notice/2024-01-10/zh-CN.yaml': replaceOnce('本应用嵌入以下SDK。', '本应用嵌入以下SDK，不会读取您的手机号码。') });
    const message = expectOne(result, 'unflagged-sensitive', 'notice/2024-01-10/zh-CN.yaml', '手机号码。', '“手机号码” is sensitive in the inventory (data item `mobile-number`) but not marked here');
    expect(message.cause).toMatchObject({ file: inventory, line: positionOf(path.join(result.dir, inventory), 'zh-CN: 手机号码').line });
  });

  it('does not repeat a built-in word inside an inventory name it reported', async () => {
    const result = await check({ [inventory]: (text) => text.replace('name: { en: Mobile number, zh-CN: 手机号码 }', 'name: { en: Mobile number of the account, zh-CN: 手机号码 }'), [en]: replaceOnce('The app embeds these SDKs.', 'The app embeds these SDKs; none reads the mobile number of the account.') }, 'preview');
    const found = result.messages.filter((message) => message.ruleId === 'unflagged-sensitive');
    expect(found.map((message) => message.reason)).toEqual([expect.stringContaining('“Mobile number of the account” is sensitive in the inventory')]);
  });

  it('learns names the built-in word list lacks', async () => {
    const result = await check({ [en]: replaceOnce('The app embeds these SDKs.', 'The app embeds these SDKs; they read the device model.'), [inventory]: replaceOnce('    category: device.info\n', '    category: device.info\n    sensitive: { class: other, necessity: { en: N., zh-CN: 必要。 }, impact: { en: I., zh-CN: 影响。 } }\n') }, 'preview');
    const found = result.messages.filter((message) => message.ruleId === 'unflagged-sensitive');
    expect(found.map((message) => message.reason)).toEqual([expect.stringContaining('“Device model” is sensitive in the inventory')]);
  });
});
