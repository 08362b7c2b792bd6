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
import { toHtmlByParts } from './parts.ts';
import { h } from 'hastscript';
import { languageName, type Translate } from '../i18n/index.ts';
import type { ClauseModel, InventoryModel, PolicyText, SdkModel } from '../model/types.ts';
import { listHtml } from './inventory-lists.ts';

const bodies = new WeakMap<PolicyText, string>();

/** The body of `text`; `t` gives the words of the SDK table and lists, in the text's language; `inventory` is the version's, for clauses that place its lists. */
export function policyBodyHtml(text: PolicyText, t: Translate, inventory?: InventoryModel): string {
  let html = bodies.get(text);
  // Each section written once per distinct content (parts.ts): a `<section>` has no optional tag, so the tags
  // left out inside it depend only on what is inside it.
  if (html === undefined) bodies.set(text, (html = toHtmlByParts(policyBody(text, t, inventory), { allowDangerousHtml: true, omitOptionalTags: true, preferUnquoted: true }, (child) => child.tagName === 'section')));
  return html;
}

/** Children separated by line breaks: one block element per line. */
function lines(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child) => [{ type: 'text', value: '\n' }, child]);
}

function policyBody(text: PolicyText, t: Translate, inventory: InventoryModel | undefined): Root {
  return h(
    null,
    lines(text.sections.map((section) => h('section', { id: section.id }, lines([...(section.title ? [h('h2', section.title)] : []), ...section.clauses.map((clause) => clauseElement(text, clause, t, inventory))])))),
  );
}

function clauseElement(text: PolicyText, clause: ClauseModel, t: Translate, inventory: InventoryModel | undefined): ElementContent {
  const shown = clause.sdks.map((id) => text.sdks.find((sdk) => sdk.id === id)).filter((sdk) => sdk !== undefined);
  // Lists inside a clause: headings below the clause's, ids prefixed by it, clause links on this page.
  const lists: ElementContent[] = inventory ? clause.lists.map((kind) => ({ type: 'raw', value: listHtml(kind, inventory, t, { headingLevel: 4, idPrefix: clause.id, policyHref: '', insidePolicy: true }) })) : [];
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
