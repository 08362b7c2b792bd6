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
 * Lists made, by what decides their HTML: the words of the language (`t`), the inventory's content and
 * the options. By content, not by object: each version has an inventory object of its own, and most
 * versions change one row of one list, or none (the permission list of the largest benchmark site is
 * made 30 times less often). Kept per `t`, which is made once per language and words.
 */
const made = keptHtml();
/** Each inventory's content as a short id, so that keys stay small. */
const contentIds = new WeakMap<InventoryModel, number>();
const idsByContent = new Map<string, number>();
/** Never reused, even after the map starts over: an inventory keeps its id for as long as it lives. */
let nextId = 0;
/** Past this many, the ids of a long preview session start over (a build has far fewer). */
const maxKept = 20_000;

/** An inventory's content as a short id: equal for equal contents, another for any other. */
export function inventoryContentId(inventory: InventoryModel): number {
  let id = contentIds.get(inventory);
  if (id === undefined) {
    const content = JSON.stringify(inventory);
    id = idsByContent.get(content);
    if (id === undefined) {
      if (idsByContent.size >= maxKept) idsByContent.clear();
      idsByContent.set(content, (id = nextId++));
    }
    contentIds.set(inventory, id);
  }
  return id;
}

/**
 * Stands for the policy page's address while a list is made, so that the hosted and the webview pages (and a
 * current and a permanent one) share one list: letters, digits and `-` only, which toHtml writes as they are,
 * and random, so that no content holds it.
 */
const policyHrefToken = `policy-href-${randomUUID()}`;
/** Addresses that toHtml would write as they are in an unquoted attribute: these replace the token exactly. */
const plainHref = /^[\w\-./~%]*$/;

/** A list as HTML, made once per distinct inventory content, language, list and options but the policy's address. */
export function listHtml(kind: ListKind, inventory: InventoryModel, t: Translate, options: ListOptions): string {
  const shared = plainHref.test(options.policyHref);
  const key = JSON.stringify([inventoryContentId(inventory), kind, options.headingLevel, options.idPrefix, shared ? null : options.policyHref, options.labelId ?? null, options.insidePolicy ?? false]);
  // Every tag written: a key-value table's <tbody> would otherwise be left out, which html-validate (strict) refuses.
  const html = made(t, key, () => toHtml(listTree(kind, inventory, t, shared ? { ...options, policyHref: policyHrefToken } : options), { preferUnquoted: true }));
  return shared ? html.replaceAll(policyHrefToken, options.policyHref) : html;
}

/** A list as a hast element. */
function listTree(kind: ListKind, inventory: InventoryModel, t: Translate, options: ListOptions): Element {
  const context = listContext(inventory, t, options);
  const body = kind === 'collection' ? collection(context) : kind === 'sharing' ? sharing(context) : permissions(context);
  return h('div', { className: ['inventory-list', `list-${kind}`] }, lines(body));
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

function note(context: ListContext): ElementContent[] {
  return context.inventory.note ? [h('p', { className: ['list-note'] }, context.inventory.note)] : [];
}

/** The function's name, linked to the clause of the policy that describes it. */
function functionName(context: ListContext, id: string): ElementContent {
  const entry = context.inventory.functions.find((candidate) => candidate.id === id);
  const name = entry?.name ?? id;
  return entry?.clause ? h('a', { href: `${context.options.policyHref}#${entry.clause}` }, name) : { type: 'text', value: name };
}

function collection(context: ListContext): ElementContent[] {
  const { t, inventory } = context;
  const columns = [t('lists.column.scenario'), t('lists.column.information'), t('lists.column.purpose'), t('lists.column.method'), t('lists.column.frequency'), t('lists.column.permissions'), t('lists.column.necessity'), t('lists.column.legalBasis'), t('lists.column.separateConsent'), t('lists.column.recipients')];
  const functions = inventory.functions.filter((entry) => context.rowsOf(entry.id).length > 0).map((entry) => {
    const headingId = context.id('function', entry.id);
    const rows = context.rowsOf(entry.id).map((row) => ({
      head: text(row.scenario),
      cells: [
        context.list(row.data.map((id) => context.item(id))),
        context.list(row.purposes.map((id) => context.names.purposes.get(id) ?? id)),
        row.method ? t(`lists.method.${row.method}`) : t('lists.none'),
        row.frequency,
        context.list(row.permissions.map((use) => t('format.labelled', { label: context.names.permissions.get(use.permission) ?? use.permission, value: use.frequency }))),
        t(`lists.necessity.${row.necessity}`),
        t(`lists.legalBasis.${row.legalBasis}`),
        context.yesNo(row.separateConsent),
        context.list(row.recipients.map((id) => context.names.recipients.get(id) ?? id)),
      ].map(cell),
    }));
    return h('section', { className: ['list-function'] }, lines([
      context.heading(functionName(context, entry.id), headingId),
      h('p', { className: ['list-kind'] }, t(`lists.function.${entry.kind}`)),
      table(context, headingId, columns, rows),
    ]));
  });
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
  return [...note(context), h('p', t('lists.sensitiveNote')), ...functions, h('section', { className: ['list-items'] }, lines([context.heading(text(t('lists.items')), itemsId), items]))];
}

function sharing(context: ListContext): ElementContent[] {
  const { t, inventory } = context;
  const sections = inventory.recipients.map((recipient) => {
    const rows = inventory.processing.filter((row) => row.recipients.includes(recipient.id));
    const headingId = context.id('recipient', recipient.id);
    const fields: [string, ElementContent | ElementContent[]][] = [
      [t('lists.column.operator'), operator(recipient, t)],
      ...(recipient.mainFunction ? [[t('lists.column.mainFunction'), text(recipient.mainFunction)] as [string, ElementContent]] : []),
      ...(recipient.packages.length > 0 ? [[t('lists.column.package'), context.list(recipient.packages.map((name) => h('code', name)))] as [string, ElementContent]] : []),
      ...(recipient.version ? [[t('lists.column.version'), text(recipient.version)] as [string, ElementContent]] : []),
      [t('lists.column.information'), context.list(unique(rows.flatMap((row) => row.data)).map((id) => context.item(id)))],
      [t('lists.column.purpose'), context.list(unique(rows.flatMap((row) => row.purposes)).map((id) => context.names.purposes.get(id) ?? id))],
      [t('lists.column.scenario'), context.list(rows.map((row) => h('span', labelled(t, functionName(context, row.function), row.scenario))))],
      [t('lists.column.sharingMethod'), text(recipient.sharingMethod)],
      [t('lists.column.role'), text(t(`lists.role.${recipient.role}`))],
      [t('lists.column.deidentified'), text(context.yesNo(recipient.deidentified))],
      [t('lists.column.location'), text(regions(recipient.location, t))],
      ...(recipient.privacyPolicy ? [[t('sdk.privacyPolicy'), h('a', { href: recipient.privacyPolicy }, readableUrl(recipient.privacyPolicy))] as [string, ElementContent]] : []),
    ];
    return h('section', { className: ['list-recipient'] }, lines([context.heading(text(recipient.name), headingId), fieldTable(context, headingId, fields)]));
  });
  return [...note(context), ...sections];
}

function permissions(context: ListContext): ElementContent[] {
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
  const permissionTable = table(context, permissionTableName(context), columns, rows);
  return [...note(context), permissionTable];
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
