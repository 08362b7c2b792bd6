/**
 * Builds the shipped example (content/) and checks the page against the
 * content files, read here independently of the generator's own loader:
 * every paragraph appears in its clause, the SDK table holds every SDK with
 * its link, every flag renders as <strong class="flag-…">, every
 * in-page link lands on an element, and nothing loads from another host.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Nodes as MdastNodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleContent } from '../helpers/content.ts';
import { htmlFiles, readPage } from '../helpers/dist.ts';
import { builtSite } from '../helpers/sites.ts';

interface Clause { id: string; title?: string; text: string; flag?: string; sdks?: unknown }
interface Text { title: string; sections: { id: string; title?: string; clauses: Clause[] }[] }
type Localized = string | Record<string, string>;
interface Sdk { id: string; name: Localized; provider: Localized; purpose: Record<string, string>; personalInformation: Record<string, string[]>; privacyPolicy: string }

/** The newest version: the current one on the tests' build date (2026-01-01). */
const newest = readdirSync(path.join(exampleContent, 'privacy')).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name)).sort().at(-1)!;
const versionDir = path.join(exampleContent, 'privacy', newest);
const version = parse(readFileSync(path.join(versionDir, 'version.yaml'), 'utf8')) as { published: string; effective: string };
const site = parse(readFileSync(path.join(exampleContent, 'site.yaml'), 'utf8')) as { variables: Record<string, Localized> };
/** The English value of a text given once for all languages or per language. */
const inEnglish = (value: Localized) => (typeof value === 'string' ? value : value['en']!);
const text = parse(readFileSync(path.join(versionDir, 'en.yaml'), 'utf8')) as Text;
const sdks = (parse(readFileSync(path.join(versionDir, 'sdks.yaml'), 'utf8')) as { sdks: Sdk[] }).sdks;
const clauses = text.sections.flatMap((section) => section.clauses);

const withVariables = (value: string) => value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (site.variables[name] ? inEnglish(site.variables[name]) : `{{${name}}}`));
const normalize = (value: string) => value.replace(/\s+/g, ' ').trim();
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** The text of each paragraph and table cell of a clause, as a reader should see it. */
function paragraphsOf(clause: Clause): string[] {
  const tree = markdown.parse(clause.text);
  const found: string[] = [];
  visit(tree, (node: MdastNodes) => {
    if (node.type === 'paragraph' || node.type === 'tableCell') found.push(normalize(withVariables(toString(node))));
  });
  return found;
}

/** The words inside every `:name[…]` of these clauses, in order. */
function labelsOf(from: Clause[], name: string): string[] {
  const labels: string[] = [];
  for (const clause of from) {
    visit(markdown.parse(clause.text), (node: MdastNodes) => {
      if (node.type === 'textDirective' && node.name === name) labels.push(normalize(withVariables(toString(node))));
    });
  }
  return labels;
}

const out = builtSite('example');
const read = (relative: string) => readPage(out, relative);
let page: Root;
let article: Element;

beforeAll(() => {
  page = read('en/privacy/index.html');
  article = select('main > article', page)!;
  expect(article).toBeDefined();
});

describe('the example policy page', () => {
  it('is built at the document address and at the permanent version address, with the same policy', () => {
    const permanent = select('main > article', read(`en/privacy/${newest}/index.html`))!;
    expect(toText(permanent)).toBe(toText(article));
  });

  it('shows the title with variables filled in, and both dates', () => {
    expect(toText(select('h1', article)!)).toBe(withVariables(text.title));
    expect(select(`time[datetime="${version.published}"]`, article)).toBeDefined();
    expect(select(`time[datetime="${version.effective}"]`, article)).toBeDefined();
  });

  it('holds every paragraph of every clause, inside the element with the clause id', () => {
    expect(clauses.length).toBeGreaterThan(20);
    for (const clause of clauses) {
      const element = select(`[id="${clause.id}"]`, article);
      expect(element, clause.id).toBeDefined();
      const shown = normalize(toText(element!));
      if (clause.title) expect(shown).toContain(normalize(withVariables(clause.title)));
      for (const paragraph of paragraphsOf(clause)) expect(shown, `clause ${clause.id}`).toContain(paragraph);
    }
  });

  it('gives every section an element with its id and every titled section a heading', () => {
    for (const section of text.sections) {
      const element = select(`section[id="${section.id}"]`, article);
      expect(element, section.id).toBeDefined();
      if (section.title) expect(toText(select('h2', element!)!)).toBe(withVariables(section.title));
    }
  });

  it('lists the nine cases that need no consent and the four permission-based features as list items', () => {
    expect(selectAll('[id="no-consent-needed"] ol > li', article)).toHaveLength(9);
    expect(selectAll('[id="additional-services"] ol > li', article)).toHaveLength(4);
  });

  it('has the SDK table with a row per SDK, header cells and each privacy-policy link', () => {
    const table = select('table.sdk-table', article)!;
    expect(table).toBeDefined();
    expect(selectAll('thead th', table)).toHaveLength(5);
    const rows = selectAll('tbody tr', table);
    expect(rows).toHaveLength(sdks.length);
    expect(sdks).toHaveLength(5);
    sdks.forEach((sdk, index) => {
      const row = rows[index]!;
      expect(toText(select('th[scope="row"]', row)!)).toBe(inEnglish(sdk.name));
      const rowText = normalize(toText(row));
      for (const value of [inEnglish(sdk.provider), sdk.purpose['en']!, ...sdk.personalInformation['en']!]) expect(rowText).toContain(value);
      expect(select('a', row)!.properties['href']).toBe(sdk.privacyPolicy);
    });
  });

  it('renders every flagged span as <strong> with the class of its kind, in order', () => {
    const inlineClauses = clauses.filter((clause) => !clause.flag);
    for (const kind of ['sensitive', 'important']) {
      const written = labelsOf(inlineClauses, kind);
      const shown = inlineClauses.flatMap((clause) => selectAll(`strong.flag-${kind}`, select(`[id="${clause.id}"]`, article)!).map((span) => normalize(toText(span))));
      expect(written.length, kind).toBeGreaterThan(0);
      expect(shown).toEqual(written);
    }
  });

  it('flags every paragraph and list item of a clause flagged as a whole', () => {
    const flagged = clauses.filter((clause) => clause.flag);
    expect(flagged.length).toBeGreaterThan(0);
    for (const clause of flagged) {
      const blocks = selectAll(`[id="${clause.id}"] p, [id="${clause.id}"] li`, article);
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) {
        const strong = select(`strong.flag-${clause.flag}`, block);
        expect(strong && normalize(toText(strong)), `${clause.id}: ${toText(block)}`).toBe(normalize(toText(block)));
      }
    }
  });

  it('explains the marking in a legend before the text', () => {
    const legend = select('.legend', article)!;
    expect(select('strong.flag-sensitive', legend)).toBeDefined();
    expect(select('strong.flag-important', legend)).toBeDefined();
  });

  it('resolves every in-page link, table of contents included, to an element', () => {
    const links = selectAll('a[href^="#"]', page);
    expect(selectAll('nav.toc a', page).length).toBeGreaterThan(10);
    for (const link of links) {
      const id = String(link.properties['href']).slice(1);
      expect(select(`[id="${id}"]`, page), `#${id}`).toBeDefined();
    }
  });

  it('has no script and loads nothing from another host, on every page', () => {
    for (const file of htmlFiles(out)) {
      const tree = read(file);
      expect(selectAll('script', tree), file).toEqual([]);
      // Canonical and alternate links name pages; they are not requests.
      for (const element of selectAll('[src], link[href]:not([rel~="canonical"]):not([rel~="alternate"])', tree)) {
        const url = String(element.properties['src'] ?? element.properties['href']);
        expect(url, file).toMatch(/^\/(?!\/)/);
      }
    }
  });
});
