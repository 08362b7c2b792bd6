/**
 * The body of a policy text (its sections, clauses and SDK table) as HTML,
 * built once per version and language and shared by every page that shows
 * it: the document address, the permanent version page and their webview
 * pages. At a thousand pages this is most of the rendering work, and it
 * depends on the text alone, not on the page.
 *
 * Built as a hast tree with hastscript; clause text is inserted as the
 * already sanitized HTML the Markdown pipeline produced. Serialized lean
 * (no optional end tags, no needless quotes: the webview page must weigh
 * little more than its text) with one block element per line (so that two
 * builds diff line by line); the Nu HTML checker runs on every built page.
 */
import type { ElementContent, Root } from 'hast';
import { toHtml, type Options } from 'hast-util-to-html';
import { h } from 'hastscript';
import { languageName, type Translate } from '../i18n/index.ts';
import type { ClauseModel, InventoryModel, PolicyText, SdkModel, SectionModel } from '../model/types.ts';
import { listHtml } from './inventory-lists.ts';
import { keptHtml } from './kept-html.ts';

const bodies = new WeakMap<PolicyText, string>();
const options: Options = { allowDangerousHtml: true, omitOptionalTags: true, preferUnquoted: true };
/** Each section's HTML, by the words it is written with and by what decides it (`sectionKey`). */
const sections = keptHtml();
/** Short ids for clause HTML (the render cache shares it between versions, src/markdown/cache.ts) and list HTML: keys stay small. */
const htmlIds = new Map<string, number>();
/** Never reused, even after the maps start over: an id stands for one text for as long as it lives. */
let nextHtmlId = 0;
/** Past this many, the ids of a long preview session start over (a build has far fewer). */
const maxKept = 20_000;

/** The body of `text`; `t` gives the words of the SDK table and lists, in the text's language; `inventory` is the version's, for clauses that place its lists. */
export function policyBodyHtml(text: PolicyText, t: Translate, inventory?: InventoryModel): string {
  let html = bodies.get(text);
  if (html === undefined) {
    const body: Root = { type: 'root', children: lines(text.sections.map((section) => ({ type: 'raw', value: sectionHtml(section, text, t, inventory) }))) };
    bodies.set(text, (html = toHtml(body, options)));
  }
  return html;
}

/**
 * A section, written once per distinct content and language: versions repeat most sections of the last. A
 * `<section>` has no optional tag, so the tags left out inside it depend only on what is inside it.
 */
function sectionHtml(section: SectionModel, text: PolicyText, t: Translate, inventory: InventoryModel | undefined): string {
  return sections(t, sectionKey(section, text, t, inventory), () =>
    toHtml(h('section', { id: section.id }, lines([...(section.title ? [h('h2', section.title)] : []), ...section.clauses.map((clause) => clauseElement(text, clause, t, inventory))])), options),
  );
}

/** Everything a section's HTML is made of, but the words of `t`: clause HTML and a clause's lists (kept per inventory, src/render/inventory-lists.ts) by their ids. */
function sectionKey(section: SectionModel, text: PolicyText, t: Translate, inventory: InventoryModel | undefined): string {
  return JSON.stringify([
    text.locale,
    section.id,
    section.title ?? null,
    section.clauses.map((clause) => [
      clause.id,
      clause.title ?? null,
      clause.untranslated ?? null,
      htmlId(clause.html),
      shownSdks(text, clause),
      inventory ? clauseLists(clause, inventory, t).map(htmlId) : null,
    ]),
  ]);
}

function htmlId(html: string): number {
  let id = htmlIds.get(html);
  if (id === undefined) {
    if (htmlIds.size >= maxKept) htmlIds.clear();
    htmlIds.set(html, (id = nextHtmlId++));
  }
  return id;
}

/** Children separated by line breaks: one block element per line. */
function lines(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child) => [{ type: 'text', value: '\n' }, child]);
}

/** The lists a clause shows after its text: headings below the clause's, ids prefixed by it, clause links on this page. */
function clauseLists(clause: ClauseModel, inventory: InventoryModel, t: Translate): string[] {
  return clause.lists.map((kind) => listHtml(kind, inventory, t, { headingLevel: 4, idPrefix: clause.id, policyHref: '', insidePolicy: true }));
}

/** The SDKs a clause shows in its table, in the text's language. */
function shownSdks(text: PolicyText, clause: ClauseModel): SdkModel[] {
  return clause.sdks.map((id) => text.sdks.find((sdk) => sdk.id === id)).filter((sdk) => sdk !== undefined);
}

function clauseElement(text: PolicyText, clause: ClauseModel, t: Translate, inventory: InventoryModel | undefined): ElementContent {
  const shown = shownSdks(text, clause);
  const lists: ElementContent[] = inventory ? clauseLists(clause, inventory, t).map((html) => ({ type: 'raw', value: html })) : [];
  // Preview only: a clause the translation lacks, in the source language, said so in the page's language.
  const untranslated = clause.untranslated;
  return h('div', { className: ['clause'], id: clause.id, ...(untranslated ? { lang: untranslated.locale } : {}) }, lines([
    ...(untranslated ? [h('p.notice.notice-untranslated', { role: 'note', lang: text.locale }, t('preview.untranslated', { language: languageName(untranslated.locale, text.locale), place: untranslated.place }))] : []),
    ...(clause.title ? [h('h3', clause.title)] : []),
    { type: 'raw', value: clause.html },
    ...(shown.length > 0 ? [sdkTable(shown, t)] : []),
    ...lists,
  ]));
}

/**
 * The third-party SDK directory as a real table. On narrow screens each row
 * becomes a block with its labels (styles in base.css), so a 360 px phone
 * never scrolls sideways.
 */
function sdkTable(sdks: SdkModel[], t: Translate): ElementContent {
  const columns = [t('sdk.provider'), t('sdk.purpose'), t('sdk.personalInformation'), t('sdk.privacyPolicy')] as const;
  return h('table.sdk-table', lines([
    h('caption', t('sdk.caption')),
    // Header cells in <thead> head their columns by the HTML table model; only row headers need `scope`.
    h('thead', h('tr', [h('th', t('sdk.name')), ...columns.map((column) => h('th', column))])),
    h(
      'tbody',
      lines(sdks.map((sdk) =>
        h('tr', lines([
          h('th', { scope: 'row' }, sdk.name),
          h('td', { dataLabel: columns[0] }, sdk.provider),
          h('td', { dataLabel: columns[1] }, sdk.purpose),
          h('td', { dataLabel: columns[2] }, h('ul', sdk.personalInformation.map((item) => h('li', item)))),
          h('td', { dataLabel: columns[3] }, h('a', { href: sdk.privacyPolicy }, readableUrl(sdk.privacyPolicy))),
        ])),
      )),
    ),
  ]));
}

/** Shows a percent-encoded address (such as Weibo's) readably; the link itself stays encoded. */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
