/**
 * The three lists generated from a version's inventory, as HTML (hast, as
 * the policy body): the collection list (已收集个人信息清单), the sharing
 * list with every SDK (与第三方共享个人信息清单) and the permission list
 * (权限列表). The list pages show them whole; a clause shows them after
 * its text (`lists:`), with lower headings and ids prefixed by the clause.
 *
 * Real tables with header cells, as the SDK table: on a narrow screen each
 * row becomes a block whose cells carry their column's name (base.css), so
 * a 360 px phone never scrolls sideways. Sensitive items are bold and
 * underlined as in the policy (`strong.flag-sensitive`), with the necessity
 * and impact of processing them.
 */
import { randomUUID } from 'node:crypto';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { formatList, type Translate } from '../i18n/index.ts';
import type { ListKind } from '../inventory/taxonomy.ts';
import type { DataItemModel, InventoryModel, ProcessingModel, RecipientModel } from '../model/types.ts';
import { toHtml } from 'hast-util-to-html';
import { keptHtml } from './kept-html.ts';
import { categoryLabel, regionName, retentionText } from './inventory-values.ts';

export interface ListOptions {
  /** Level of the list's section headings: 2 on a list page, lower inside a clause. */
  headingLevel: 2 | 3 | 4;
  /** Prefix of every id (a clause's id when the list is inside it), so that ids stay unique on a page. */
  idPrefix: string;
  /** The policy page the lists link their functions' clauses on (`''`: the same page). */
  policyHref: string;
  /** Id of the heading that names a single-table list (a list page's `<h1>`); without it the table has a caption. */
  labelId?: string;
  /**
   * Inside a policy: the tables also take the SDK table's class, whose phone layout base.css already
   * has, so the policy's stylesheet (weighed against the webview page's text) grows by nothing.
   */
  insidePolicy?: boolean;
}

/** Platform names are brand names, the same in every language. */
const platforms = [['android', 'Android'], ['ios', 'iOS'], ['harmonyos', 'HarmonyOS']] as const;

/**
 * Lists made, by the words of the language (`t`, made once per language and words), the inventory object, the
 * list and the options: the hosted and the webview page of a version show the same list. Kept with the inventory
 * object, so that a version the preview builds again lets its lists go.
 */
const made = new WeakMap<Translate, WeakMap<InventoryModel, Map<string, string>>>();
/**
 * The parts of the lists (a function's section, a recipient's, the items table, the permission table), by the part
 * of the inventory each shows and the options. Each version has an inventory of its own, but most versions change
 * one row of one list, or none: the other parts are written once for all of them.
 */
const madeParts = keptHtml();
/**
 * Stands for the policy page's address while a list is made, so that the hosted and the webview pages (and a
 * current and a permanent one) share one list: letters, digits and `-` only, which toHtml writes as they are,
 * and random, so that no content holds it.
 */
const policyHrefToken = `policy-href-${randomUUID()}`;
/** Addresses that toHtml would write as they are in an unquoted attribute: these replace the token exactly. */
const plainHref = /^[\w\-./~%]*$/;

/** A list as HTML, made once per inventory, list and options but the policy's address, each of its parts once per the data it shows. */
export function listHtml(kind: ListKind, inventory: InventoryModel, t: Translate, options: ListOptions): string {
  const shared = plainHref.test(options.policyHref);
  const key = JSON.stringify([kind, options.headingLevel, options.idPrefix, shared ? null : options.policyHref, options.labelId ?? null, options.insidePolicy ?? false]);
  let byInventory = made.get(t);
  if (!byInventory) made.set(t, (byInventory = new WeakMap()));
  let lists = byInventory.get(inventory);
  if (!lists) byInventory.set(inventory, (lists = new Map()));
  let html = lists.get(key);
  if (html === undefined) lists.set(key, (html = writeList(kind, inventory, t, shared ? { ...options, policyHref: policyHrefToken } : options, keptPart)));
  return shared ? html.replaceAll(policyHrefToken, options.policyHref) : html;
}

/** The list written in one piece, nothing kept: what listHtml must write (its tests compare the two). */
export function listHtmlWhole(kind: ListKind, inventory: InventoryModel, t: Translate, options: ListOptions): string {
  return writeList(kind, inventory, t, options, wholePart);
}

/** A part of a list: a function's section, a recipient's, the items table or the permission table. */
type Part = { kind: 'function' | 'recipient'; id: string } | { kind: 'items' | 'permissions' };

/** The part, from the inventory of `context` (and only from it). */
function partElement(context: ListContext, part: Part): Element {
  switch (part.kind) {
    case 'function':
      return functionSection(context, part.id);
    case 'recipient':
      return recipientSection(context, part.id);
    case 'items':
      return itemsSection(context);
    case 'permissions':
      return permissionTable(context);
  }
}

/** How a list's part is written: from the part of the inventory it shows (`shown`), or from the whole inventory. */
type PartWriter = (context: ListContext, part: Part, shown: Partial<InventoryModel>) => string;

/**
 * A part written from a context over `shown` alone, kept by the part, `shown` and the options: it cannot depend on
 * anything its key leaves out, since it reads nothing else.
 */
const keptPart: PartWriter = (context, part, shown) => {
  const inventory: InventoryModel = { locale: context.inventory.locale, items: [], functions: [], purposes: [], permissions: [], processing: [], recipients: [], ...shown };
  return madeParts(context.t, JSON.stringify([part, inventory, context.options]), () => serialize(partElement(listContext(inventory, context.t, context.options), part)));
};

const wholePart: PartWriter = (context, part) => serialize(partElement(context, part));

// Every tag written: a key-value table's <tbody> would otherwise be left out, which html-validate (strict) refuses.
// So nothing a part's tags leave out depends on the parts around it, and the list is its parts put together.
const serialize = (node: ElementContent) => toHtml(node, { preferUnquoted: true });

function writeList(kind: ListKind, inventory: InventoryModel, t: Translate, options: ListOptions, part: PartWriter): string {
  const context = listContext(inventory, t, options);
  const body = kind === 'collection' ? collection(context, part) : kind === 'sharing' ? sharing(context, part) : permissions(context, part);
  const parts = [...note(context), ...body].map((html): ElementContent => ({ type: 'raw', value: html }));
  return toHtml(h('div', { className: ['inventory-list', `list-${kind}`] }, lines(parts)), { preferUnquoted: true, allowDangerousHtml: true });
}

interface ListContext {
  inventory: InventoryModel;
  t: Translate;
  options: ListOptions;
  items: Map<string, DataItemModel>;
  names: { functions: Map<string, string>; purposes: Map<string, string>; permissions: Map<string, string>; recipients: Map<string, string> };
  /** An id on the page: prefixed, and kept apart from clause ids by `list-`. */
  id(...parts: string[]): string;
  heading(text: ElementContent | ElementContent[], id: string): Element;
  /** An item's name, flagged when it is sensitive. */
  item(id: string): ElementContent;
  /** A list of values, or "None". */
  list(values: readonly (ElementContent | string)[]): ElementContent;
  yesNo(value: boolean): string;
  rowsOf(fn: string): ProcessingModel[];
}

function listContext(inventory: InventoryModel, t: Translate, options: ListOptions): ListContext {
  const byId = (entries: readonly { id: string; name: string }[]) => new Map(entries.map((entry) => [entry.id, entry.name]));
  const items = new Map(inventory.items.map((item) => [item.id, item]));
  return {
    inventory,
    t,
    options,
    items,
    names: { functions: byId(inventory.functions), purposes: byId(inventory.purposes), permissions: byId(inventory.permissions), recipients: byId(inventory.recipients) },
    id: (...parts) => [options.idPrefix, 'list', ...parts].filter(Boolean).join('-'),
    heading: (content, id) => h(`h${options.headingLevel}`, { id }, content),
    item(id) {
      const item = items.get(id);
      if (!item) return text(id);
      return item.sensitive ? h('strong', { className: ['flag-sensitive'] }, item.name) : text(item.name);
    },
    list(values) {
      if (values.length === 0) return text(t('lists.none'));
      if (values.length === 1) return cellContent(values[0]!);
      return h('ul', values.map((value) => h('li', [cellContent(value)])));
    },
    yesNo: (value) => t(value ? 'lists.yes' : 'lists.no'),
    rowsOf: (fn) => inventory.processing.filter((row) => row.function === fn),
  };
}

function cellContent(value: ElementContent | string): ElementContent {
  return typeof value === 'string' ? text(value) : value;
}

/** "{label}: {value}" the language's way, with markup (a link) as the label. */
function labelled(t: Translate, label: ElementContent, value: string): ElementContent[] {
  return t.parts('format.labelled', { value }).map((part) => (typeof part === 'string' ? text(part) : label));
}

/** How the permission table is named: by the page's heading, or by a caption of its own inside a clause. */
function permissionTableName(context: ListContext): string | { caption: string } {
  return context.options.labelId ?? { caption: context.t('lists.permissions') };
}

/** A table whose first column heads each row; each cell carries its column's name for the phone layout. */
function table(context: ListContext, labelledBy: string | { caption: string }, columns: readonly string[], rows: readonly { head: ElementContent | ElementContent[]; cells: (ElementContent | ElementContent[])[] }[]): Element {
  const named = typeof labelledBy === 'string';
  return h('table', { className: tableClasses(context), ...(named ? { ariaLabelledby: labelledBy } : {}) }, lines([
    ...(named ? [] : [h('caption', labelledBy.caption)]),
    h('thead', h('tr', columns.map((column) => h('th', column)))),
    h('tbody', lines(rows.map((row) => h('tr', lines([h('th', { scope: 'row' }, row.head), ...row.cells.map((cell, index) => h('td', { dataLabel: columns[index + 1] }, cell))]))))),
  ]));
}

function tableClasses(context: ListContext): string[] {
  return context.options.insidePolicy ? ['list-table', 'sdk-table'] : ['list-table'];
}

/** A table of one entry: a row per field, its name heading the row. */
function fieldTable(context: ListContext, labelledBy: string, fields: readonly [string, ElementContent | ElementContent[]][]): Element {
  return h('table', { className: [...tableClasses(context), 'list-fields'], ariaLabelledby: labelledBy }, lines([h('tbody', lines(fields.map(([label, value]) => h('tr', [h('th', { scope: 'row' }, label), h('td', [value].flat())]))))]));
}

function note(context: ListContext): string[] {
  return context.inventory.note ? [serialize(h('p', { className: ['list-note'] }, context.inventory.note))] : [];
}

/**
 * What `rows` name, from the inventory: their items (without the retention, which only the items table shows, so
 * that a changed period writes that table again and nothing else), purposes, permissions, functions and
 * recipients, `recipients` besides.
 */
function named(context: ListContext, rows: readonly ProcessingModel[], recipients: readonly string[] = []): Partial<InventoryModel> {
  const { inventory } = context;
  const ids = (list: Iterable<string>) => new Set(list);
  const items = ids(rows.flatMap((row) => row.data));
  const purposes = ids(rows.flatMap((row) => row.purposes));
  const permissions = ids(rows.flatMap((row) => row.permissions.map((use) => use.permission)));
  const functions = ids(rows.map((row) => row.function));
  const recipientIds = ids([...rows.flatMap((row) => row.recipients), ...recipients]);
  return {
    items: inventory.items.filter((item) => items.has(item.id)).map(({ retention: _shownInTheItemsTable, ...item }) => item),
    purposes: inventory.purposes.filter((entry) => purposes.has(entry.id)),
    permissions: inventory.permissions.filter((entry) => permissions.has(entry.id)),
    functions: inventory.functions.filter((entry) => functions.has(entry.id)),
    recipients: inventory.recipients.filter((entry) => recipientIds.has(entry.id)),
    processing: [...rows],
  };
}

/** The function's name, linked to the clause of the policy that describes it. */
function functionName(context: ListContext, id: string): ElementContent {
  const entry = context.inventory.functions.find((candidate) => candidate.id === id);
  const name = entry?.name ?? id;
  return entry?.clause ? h('a', { href: `${context.options.policyHref}#${entry.clause}` }, name) : { type: 'text', value: name };
}

function collection(context: ListContext, part: PartWriter): string[] {
  const { t, inventory } = context;
  const functions = inventory.functions.filter((entry) => context.rowsOf(entry.id).length > 0).map((entry) => part(context, { kind: 'function', id: entry.id }, named(context, context.rowsOf(entry.id))));
  return [serialize(h('p', t('lists.sensitiveNote'))), ...functions, part(context, { kind: 'items' }, { items: inventory.items })];
}

/** A function's section: its rows of processing, in a table headed by the function's name. */
function functionSection(context: ListContext, id: string): Element {
  const { t, inventory } = context;
  const entry = inventory.functions.find((candidate) => candidate.id === id)!;
  const columns = [t('lists.column.scenario'), t('lists.column.information'), t('lists.column.purpose'), t('lists.column.method'), t('lists.column.frequency'), t('lists.column.permissions'), t('lists.column.necessity'), t('lists.column.legalBasis'), t('lists.column.separateConsent'), t('lists.column.recipients')];
  const headingId = context.id('function', entry.id);
  const rows = context.rowsOf(entry.id).map((row) => ({
    head: text(row.scenario),
    cells: [
      context.list(row.data.map((item) => context.item(item))),
      context.list(row.purposes.map((purpose) => context.names.purposes.get(purpose) ?? purpose)),
      row.method ? t(`lists.method.${row.method}`) : t('lists.none'),
      row.frequency,
      context.list(row.permissions.map((use) => t('format.labelled', { label: context.names.permissions.get(use.permission) ?? use.permission, value: use.frequency }))),
      t(`lists.necessity.${row.necessity}`),
      t(`lists.legalBasis.${row.legalBasis}`),
      context.yesNo(row.separateConsent),
      context.list(row.recipients.map((recipient) => context.names.recipients.get(recipient) ?? recipient)),
    ].map(cell),
  }));
  return h('section', { className: ['list-function'] }, lines([
    context.heading(functionName(context, entry.id), headingId),
    h('p', { className: ['list-kind'] }, t(`lists.function.${entry.kind}`)),
    table(context, headingId, columns, rows),
  ]));
}

/** The items table: every data item with its category, sensitivity, retention and storage. */
function itemsSection(context: ListContext): Element {
  const { t, inventory } = context;
  const itemsId = context.id('items');
  const itemColumns = [t('lists.column.information'), t('lists.column.category'), t('lists.column.sensitive'), t('lists.column.retention'), t('lists.column.storage')];
  const items = table(context, itemsId, itemColumns, inventory.items.map((item) => ({
    head: context.item(item.id),
    cells: [
      categoryLabel(item.category, t),
      item.sensitive
        // Blocks of a cell are divs: a <p> whose end tag is left out must not meet the next cell (html-validate reads it so).
        ? [h('div', t(`lists.sensitive.${item.sensitive.class}`)), h('div', t('format.labelled', { label: t('lists.column.necessityText'), value: item.sensitive.necessity })), h('div', t('format.labelled', { label: t('lists.column.impact'), value: item.sensitive.impact }))]
        : text(t('lists.no')),
      retentionText(item.retention, t),
      regions(item.storage, t),
    ].map(cell),
  })));
  return h('section', { className: ['list-items'] }, lines([context.heading(text(t('lists.items')), itemsId), items]));
}

function sharing(context: ListContext, part: PartWriter): string[] {
  const { inventory } = context;
  return inventory.recipients.map((recipient) => {
    const rows = inventory.processing.filter((row) => row.recipients.includes(recipient.id));
    return part(context, { kind: 'recipient', id: recipient.id }, named(context, rows, [recipient.id]));
  });
}

/** A recipient's section: who it is and what it receives, in a table of one entry. */
function recipientSection(context: ListContext, id: string): Element {
  const { t, inventory } = context;
  const recipient = inventory.recipients.find((candidate) => candidate.id === id)!;
  const rows = inventory.processing.filter((row) => row.recipients.includes(recipient.id));
  const headingId = context.id('recipient', recipient.id);
  const fields: [string, ElementContent | ElementContent[]][] = [
    [t('lists.column.operator'), operator(recipient, t)],
    ...(recipient.mainFunction ? [[t('lists.column.mainFunction'), text(recipient.mainFunction)] as [string, ElementContent]] : []),
    ...(recipient.packages.length > 0 ? [[t('lists.column.package'), context.list(recipient.packages.map((name) => h('code', name)))] as [string, ElementContent]] : []),
    ...(recipient.version ? [[t('lists.column.version'), text(recipient.version)] as [string, ElementContent]] : []),
    [t('lists.column.information'), context.list(unique(rows.flatMap((row) => row.data)).map((item) => context.item(item)))],
    [t('lists.column.purpose'), context.list(unique(rows.flatMap((row) => row.purposes)).map((purpose) => context.names.purposes.get(purpose) ?? purpose))],
    [t('lists.column.scenario'), context.list(rows.map((row) => h('span', labelled(t, functionName(context, row.function), row.scenario))))],
    [t('lists.column.sharingMethod'), text(recipient.sharingMethod)],
    [t('lists.column.role'), text(t(`lists.role.${recipient.role}`))],
    [t('lists.column.deidentified'), text(context.yesNo(recipient.deidentified))],
    [t('lists.column.location'), text(regions(recipient.location, t))],
    ...(recipient.privacyPolicy ? [[t('sdk.privacyPolicy'), h('a', { href: recipient.privacyPolicy }, readableUrl(recipient.privacyPolicy))] as [string, ElementContent]] : []),
  ];
  return h('section', { className: ['list-recipient'] }, lines([context.heading(text(recipient.name), headingId), fieldTable(context, headingId, fields)]));
}

function permissions(context: ListContext, part: PartWriter): string[] {
  const { inventory } = context;
  const rows = inventory.processing.filter((row) => row.permissions.length > 0);
  return [part(context, { kind: 'permissions' }, { ...named(context, rows), permissions: inventory.permissions })];
}

/** Every permission: the system's names for it on each platform, what uses it and how often, and what refusing it does. */
function permissionTable(context: ListContext): Element {
  const { t, inventory } = context;
  const columns = [t('lists.column.permission'), t('lists.column.systemPermissions'), t('lists.column.usedFor'), t('lists.column.frequency'), t('lists.column.refusable'), t('lists.column.refusalEffect')];
  const rows = inventory.permissions.map((permission) => {
    const uses = inventory.processing.flatMap((row) => row.permissions.filter((use) => use.permission === permission.id).map((use) => ({ row, use })));
    const system = platforms.filter(([key]) => permission[key].length > 0).map(([key, label]) => h('li', [`${label}: `, ...permission[key].flatMap((name, index) => [...(index > 0 ? [', '] : []), h('code', name)])]));
    return {
      head: text(permission.name),
      cells: [
        system.length > 0 ? h('ul', system) : text(t('lists.none')),
        context.list(uses.map(({ row }) => h('span', labelled(t, functionName(context, row.function), purposeNames(context, row))))),
        context.list(uses.map(({ row, use }) => t('format.labelled', { label: context.names.functions.get(row.function) ?? row.function, value: use.frequency }))),
        text(context.yesNo(permission.refusable)),
        text(permission.refusalEffect),
      ],
    };
  });
  return table(context, permissionTableName(context), columns, rows);
}

function purposeNames(context: ListContext, row: ProcessingModel): string {
  return new Intl.ListFormat(context.t.locale, { type: 'unit' }).format(row.purposes.map((id) => context.names.purposes.get(id) ?? id));
}

function operator(recipient: RecipientModel, t: Translate): ElementContent[] {
  return [text(recipient.operator), ...(recipient.contact ? [h('br'), text(t('format.labelled', { label: t('lists.column.contact'), value: recipient.contact }))] : [])];
}

function regions(codes: readonly string[], t: Translate): string {
  if (codes.length === 0) return t('lists.none');
  return formatList(codes.map((code) => regionName(code, t.locale)), t.locale);
}

function cell(value: ElementContent | ElementContent[] | string): ElementContent | ElementContent[] {
  // Plain text is wrapped once here, so that the rows above read as their columns.
  return typeof value === 'string' ? text(value) : value;
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Children separated by line breaks: one block element per line (two builds diff line by line). */
function lines(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child) => [{ type: 'text', value: '\n' }, child]);
}

/** Shows a percent-encoded address readably; the link itself stays encoded. */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
