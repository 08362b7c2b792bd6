/**
 * Inventory redlines, one case per kind of change: what changed between two
 * inventories (matched by id), whether it needs renewed consent, and the
 * sentence the changes page and the feed show, in English and Chinese.
 */
import { describe, expect, it } from 'vitest';
import { diffInventory, type InventoryChange, type InventoryChangeKind } from '../../src/diff/inventory.ts';
import { loadShippedStrings } from '../../src/i18n/load.ts';
import type { UiMessages } from '../../src/i18n/messages.ts';
import { translator } from '../../src/i18n/translate.ts';
import type { InventoryModel } from '../../src/model/types.ts';
import { changeSentence } from '../../src/render/inventory-changes.ts';

const { strings } = await loadShippedStrings();
const en = translator('en', strings.get('en') as UiMessages);
const zh = translator('zh-CN', strings.get('zh-CN') as UiMessages);

function base(): InventoryModel {
  return {
    locale: 'en',
    items: [
      { id: 'trips', name: 'Trip records', category: 'location.trajectory', sensitive: { class: 'whereabouts', necessity: 'N', impact: 'I' }, retention: { period: 'P30D', afterExpiry: 'delete' }, storage: ['CN'] },
      { id: 'model', name: 'Device model', category: 'device.info', retention: { period: 'P6M' }, storage: ['CN'] },
    ],
    functions: [
      { id: 'navigation', name: 'Navigation', kind: 'basic' },
      { id: 'support', name: 'Customer service', kind: 'basic' },
    ],
    purposes: [
      { id: 'route', name: 'Plan your route', category: 'app-functionality' },
      { id: 'help', name: 'Answer your questions', category: 'customer-support' },
    ],
    permissions: [{ id: 'location', name: 'Location', android: ['android.permission.ACCESS_FINE_LOCATION'], ios: [], harmonyos: [], refusable: true, refusalEffect: 'No navigation' }],
    processing: [
      { id: 'nav', function: 'navigation', scenario: 'When you navigate', data: ['trips'], purposes: ['route'], method: 'automatic', frequency: 'While navigating', permissions: [{ permission: 'location', frequency: 'While navigating' }], necessity: 'required', legalBasis: 'consent', separateConsent: true, recipients: ['maps'] },
      { id: 'chat', function: 'support', scenario: 'When you chat', data: ['model'], purposes: ['help'], method: 'sdk', frequency: 'While you chat', permissions: [], necessity: 'optional', legalBasis: 'consent', separateConsent: false, recipients: [] },
    ],
    recipients: [{ id: 'maps', sdk: 'maps', name: 'Maps SDK', operator: 'Maps Co.', packages: ['com.maps'], version: '1.0', role: 'third-party', sharingMethod: 'On the device', deidentified: false, location: ['CN'] }],
  };
}

/** The changes from the base inventory to a copy changed by `edit`. */
function changesAfter(edit: (inventory: InventoryModel) => void): InventoryChange[] {
  const after = structuredClone(base());
  edit(after);
  return diffInventory(base(), after);
}

const cases: [InventoryChangeKind, (inventory: InventoryModel) => void, boolean, string, string][] = [
  ['recipient-added', (inv) => {
    inv.recipients.push({ id: 'amap', sdk: 'amap', name: 'AMap SDK', operator: 'AutoNavi', packages: ['com.amap.api.location'], version: '6.4', role: 'third-party', sharingMethod: 'On the device', deidentified: false, location: ['CN'] });
    inv.processing[0]!.recipients.push('amap');
  }, true, 'AMap SDK added: collects Trip records for: Plan your route', '新增AMap SDK：收集Trip records，用于：Plan your route'],
  ['recipient-removed', (inv) => {
    inv.recipients = [];
    inv.processing[0]!.recipients = [];
  }, false, 'Maps SDK removed', '移除Maps SDK'],
  ['recipient-receives', (inv) => { inv.processing[1]!.recipients = ['maps']; }, true, 'Maps SDK now also receives Device model', 'Maps SDK新增获得Device model'],
  ['recipient-detail', (inv) => { inv.recipients[0]!.location = ['CN', 'SG']; }, true, 'Maps SDK, Location: China → China and Singapore', 'Maps SDK的所在地：中国 → 中国和新加坡'],
  ['item-added', (inv) => {
    inv.items.push({ id: 'face', name: 'Facial images', category: 'biometric.face', sensitive: { class: 'biometric', necessity: 'N', impact: 'I' }, retention: { period: 'P1D' }, storage: ['CN'] });
    inv.processing[0]!.data.push('face');
  }, true, 'New personal information collected: Facial images', '新增收集的个人信息：Facial images'],
  ['item-removed', (inv) => {
    inv.items = inv.items.filter((item) => item.id !== 'model');
    inv.processing[1]!.data = [];
  }, false, 'No longer collected: Device model', '不再收集：Device model'],
  ['item-renamed', (inv) => { inv.items[1]!.name = 'Phone model'; }, false, 'Renamed: Device model → Phone model', '名称变更：Device model → Phone model'],
  ['item-category', (inv) => { inv.items[1]!.category = 'device.id'; }, true, 'Type of Device model: Device information (device.info) → Device information (device.id)', 'Device model的信息种类：设备信息（device.info） → 设备信息（device.id）'],
  ['item-sensitive', (inv) => { inv.items[1]!.sensitive = { class: 'other', necessity: 'N', impact: 'I' }; }, true, 'Device model is now treated as sensitive personal information (Other sensitive personal information)', 'Device model现作为敏感个人信息处理（其他敏感个人信息）'],
  ['item-not-sensitive', (inv) => { delete inv.items[0]!.sensitive; }, false, 'Trip records is no longer treated as sensitive personal information', 'Trip records不再作为敏感个人信息处理'],
  ['retention', (inv) => { inv.items[0]!.retention = { period: 'P90D', afterExpiry: 'delete' }; }, false, 'Retention of Trip records: 30 days, then deleted → 90 days, then deleted', 'Trip records的保存期限：30天，到期后删除 → 90天，到期后删除'],
  ['storage', (inv) => { inv.items[0]!.storage = ['SG']; }, true, 'Where Trip records is stored: China → Singapore', 'Trip records的存储地点：中国 → 新加坡'],
  ['function-added', (inv) => {
    inv.functions.push({ id: 'cameras', name: 'Vehicle cameras', kind: 'extended' });
    inv.processing.push({ id: 'cam', function: 'cameras', scenario: 'S', data: ['model'], purposes: ['help'], method: 'automatic', frequency: 'F', permissions: [], necessity: 'optional', legalBasis: 'consent', separateConsent: false, recipients: [] });
  }, true, 'New function Vehicle cameras: collects Device model for: Answer your questions', '新增功能“Vehicle cameras”：收集Device model，用于：Answer your questions'],
  ['function-removed', (inv) => {
    inv.functions = inv.functions.filter((entry) => entry.id !== 'support');
    inv.processing = inv.processing.filter((row) => row.id !== 'chat');
  }, false, 'Function removed: Customer service', '移除功能：Customer service'],
  ['row-added', (inv) => {
    inv.processing.push({ id: 'chat-location', function: 'support', scenario: 'S', data: ['trips'], purposes: ['help'], method: 'automatic', frequency: 'F', permissions: [], necessity: 'optional', legalBasis: 'consent', separateConsent: false, recipients: [] });
  }, true, 'Customer service now also collects Trip records for: Answer your questions', '“Customer service”新增收集Trip records，用于：Answer your questions'],
  ['data-added', (inv) => { inv.processing[1]!.data.push('trips'); }, true, 'Customer service now also collects Trip records', '“Customer service”新增收集Trip records'],
  ['data-removed', (inv) => { inv.processing[0]!.data = []; }, false, 'Navigation no longer collects Trip records', '“Navigation”不再收集Trip records'],
  ['purpose-added', (inv) => { inv.processing[1]!.purposes.push('route'); }, true, 'Customer service, new purpose: Plan your route', '“Customer service”新增使用目的：Plan your route'],
  ['purpose-removed', (inv) => { inv.processing[0]!.purposes = []; }, false, 'Navigation, purpose dropped: Plan your route', '“Navigation”不再用于：Plan your route'],
  ['purpose-renamed', (inv) => { inv.purposes[0]!.name = 'Plan and share your route'; }, true, 'Purpose reworded: Plan your route → Plan and share your route', '使用目的表述变更：Plan your route → Plan and share your route'],
  ['method', (inv) => { inv.processing[0]!.method = 'third-party'; }, true, 'Navigation, how Trip records is collected: Collected automatically → Received from a third party', '“Navigation”收集Trip records的方式：自动收集 → 从第三方获取'],
  ['frequency', (inv) => { inv.processing[0]!.frequency = 'Every minute'; }, false, 'Navigation, how often: While navigating → Every minute', '“Navigation”的收集频次：While navigating → Every minute'],
  ['necessity', (inv) => { inv.processing[1]!.necessity = 'required'; }, false, 'Customer service, Device model: Optional → Required', '“Customer service”的Device model：可选 → 必要'],
  ['permission-added', (inv) => {
    inv.permissions.push({ id: 'camera', name: 'Camera', android: [], ios: ['NSCameraUsageDescription'], harmonyos: [], refusable: true, refusalEffect: 'E' });
    inv.processing[1]!.permissions.push({ permission: 'camera', frequency: 'F' });
  }, true, 'New permission Camera, used for: Customer service', '新增权限“Camera”，用于：Customer service'],
  ['permission-removed', (inv) => {
    inv.permissions = [];
    inv.processing[0]!.permissions = [];
  }, false, 'Permission no longer requested: Location', '不再申请的权限：Location'],
  ['row-permission-added', (inv) => { inv.processing[1]!.permissions.push({ permission: 'location', frequency: 'F' }); }, true, 'Customer service now uses the Location permission', '“Customer service”新增调用Location权限'],
  ['row-permission-removed', (inv) => {
    inv.processing[0]!.permissions = [];
    inv.processing[1]!.permissions.push({ permission: 'location', frequency: 'F' });
  }, false, 'Navigation no longer uses the Location permission', '“Navigation”不再调用Location权限'],
];

describe('inventory changes', () => {
  it('has a case for every kind of change', () => {
    const kinds = new Set(cases.map(([kind]) => kind));
    const all: InventoryChangeKind[] = ['recipient-added', 'recipient-removed', 'recipient-receives', 'recipient-detail', 'item-added', 'item-removed', 'item-renamed', 'item-category', 'item-sensitive', 'item-not-sensitive', 'retention', 'storage', 'function-added', 'function-removed', 'row-added', 'data-added', 'data-removed', 'purpose-added', 'purpose-removed', 'purpose-renamed', 'method', 'frequency', 'necessity', 'permission-added', 'permission-removed', 'row-permission-added', 'row-permission-removed'];
    expect([...kinds].sort()).toEqual([...all].sort());
  });

  it('finds nothing between an inventory and itself', () => {
    expect(diffInventory(base(), base())).toEqual([]);
  });

  it.each(cases)('%s', (kind, edit, material, english, chinese) => {
    const changes = changesAfter(edit);
    const change = changes.find((candidate) => candidate.kind === kind);
    expect(change, JSON.stringify(changes)).toBeDefined();
    expect(change!.material).toBe(material);
    expect(changeSentence(change!, en)).toBe(english);
    expect(changeSentence(change!, zh)).toBe(chinese);
  });

  it('tells an SDK that is added by what it collects, and another recipient by what it receives', () => {
    const [sdk] = changesAfter((inv) => {
      inv.recipients.push({ id: 'partner', name: 'Partner', operator: 'P Ltd', packages: [], role: 'processor', sharingMethod: 'API', deidentified: true, location: ['CN'] });
      inv.processing[1]!.recipients.push('partner');
    });
    expect(changeSentence(sdk!, en)).toBe('Partner added: receives Device model for: Answer your questions');
  });

  it('a recipient whose version changes is told but needs no renewed consent', () => {
    const changes = changesAfter((inv) => { inv.recipients[0]!.version = '2.0'; });
    expect(changes).toEqual([{ kind: 'recipient-detail', recipient: 'Maps SDK', field: 'version', from: '1.0', to: '2.0', material: false }]);
    expect(changeSentence(changes[0]!, en)).toBe('Maps SDK, Version: 1.0 → 2.0');
  });

  it('matches entries by id, not by position: reordering changes nothing', () => {
    const changes = changesAfter((inv) => {
      inv.items.reverse();
      inv.processing.reverse();
      inv.functions.reverse();
    });
    expect(changes).toEqual([]);
  });
});
