/**
 * Editorial checks: warnings, not errors, about what a careful legal editor
 * would want to know. Each is positioned like any other message.
 *
 * - `unflagged-sensitive`: a clause names sensitive personal information but flags none of it
 *   (the words of src/lint/sensitive-terms.ts, and the names of the sensitive items of the
 *   version's inventory.yaml in that language);
 * - `over-marking`: a section whose text is mostly flagged (bold everywhere hides what matters);
 * - `name-not-variable`: a company or app name written out where a variable holds it;
 * - `repeated-paragraph`: the same paragraph twice in a text;
 * - `broken-reference`: a link to `#id` that no section or clause has;
 * - `sdk-not-shown`: an SDK listed in sdks.yaml that no clause shows.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { PointMapper } from '../load/scalar-position.ts';
import type { InternalLink } from '../markdown/remark-content-rules.ts';
import type { TextRun } from '../markdown/remark-text-runs.ts';
import { advance, warn, type Place } from '../messages/message.ts';
import type { FlagKind } from '../schema/policy-text.ts';
import { sensitiveTerms } from './sensitive-terms.ts';

/** The first point of a clause's Markdown. */
const start = { line: 1, column: 1 };

/** A section whose text is flagged beyond this share gets a warning. */
export const maxFlaggedShare = 0.5;
/** Sections shorter than this (in characters) are not weighed: one flagged sentence is not over-marking. */
const minSectionLength = 400;
/** Paragraphs shorter than this are not compared (short lines such as "Purpose:" repeat by nature). */
const minRepeatedLength = 30;
/** Variable values shorter than this are not looked for in text ("15" is no name). */
const minNameLength = 4;

export interface ClauseForLint {
  id: string;
  sectionId: string;
  flag: FlagKind | undefined;
  /** The Markdown as written, with `{{variables}}`. */
  markdown: string;
  toFile: PointMapper;
  place: Place;
  blocks: TextRun[][];
  links: InternalLink[];
}

export interface TextForLint {
  locale: string;
  file: VFile;
  sections: { id: string; place: Place }[];
  clauses: ClauseForLint[];
  /** Titles as written, with their places. */
  titles: { value: string; place: Place }[];
  variables: Readonly<Record<string, string>>;
}

/** A sensitive item's name from the inventory, and where the inventory names it. */
export interface InventoryTerm {
  term: string;
  id: string;
  cause: VFileMessage;
}

export function lintText(text: TextForLint, inventoryTerms: readonly InventoryTerm[] = []): void {
  const ids = new Set([...text.sections.map((section) => section.id), ...text.clauses.map((clause) => clause.id)]);
  const seenParagraphs = new Map<string, string>();

  for (const clause of text.clauses) {
    unflaggedSensitive(text, clause, inventoryTerms);
    namesNotVariables(text, clause.markdown, (offset) => clause.toFile(advance(start, clause.markdown.slice(0, offset))));
    for (const link of clause.links) {
      if (!ids.has(link.id)) {
        warn(text.file, `Unexpected link to \`#${link.id}\` in clause \`${clause.id}\`: no section or clause has this id`, link.position ? clause.toFile(link.position.start) : clause.place, 'broken-reference');
      }
    }
    for (const block of clause.blocks) {
      const paragraph = normalize(block.map((run) => run.text).join(''));
      if (paragraph.length < minRepeatedLength) continue;
      const first = seenParagraphs.get(paragraph);
      if (first) warn(text.file, `Unexpected repeated paragraph in clause \`${clause.id}\`: clause \`${first}\` has the same words`, clause.place, 'repeated-paragraph');
      else seenParagraphs.set(paragraph, clause.id);
    }
  }
  for (const title of text.titles) namesNotVariables(text, title.value, () => title.place);
  overMarking(text);
}

function unflaggedSensitive(text: TextForLint, clause: ClauseForLint, inventoryTerms: readonly InventoryTerm[]): void {
  if (clause.flag === 'sensitive') return;
  const runs = clause.blocks.flat();
  // The inventory's names first: their message says where the inventory makes them sensitive.
  const fromInventory = new Set(inventoryTerms.map((entry) => entry.term.toLowerCase()));
  const builtIn = (sensitiveTerms[text.locale] ?? []).filter((term) => !fromInventory.has(term.toLowerCase())).map((term) => ({ term, id: undefined, cause: undefined }));
  const terms: (InventoryTerm | (typeof builtIn)[number])[] = [...inventoryTerms, ...builtIn];
  // A built-in word inside an inventory name already reported here ("location" in "Geolocation") is not reported again.
  const reported: string[] = [];
  for (const entry of terms) {
    const pattern = termPattern(entry.term, text.locale);
    const mentions = runs.filter((run) => pattern.test(run.text));
    if (mentions.length === 0 || mentions.some((run) => run.flag === 'sensitive')) continue;
    if (entry.id === undefined && reported.some((name) => name.includes(entry.term.toLowerCase()))) continue;
    reported.push(entry.term.toLowerCase());
    const offset = clause.markdown.search(pattern);
    const place = offset >= 0 ? clause.toFile(advance(start, clause.markdown.slice(0, offset))) : clause.place;
    if (entry.id !== undefined) {
      warn(text.file, `Unflagged sensitive personal information in clause \`${clause.id}\`: “${entry.term}” is sensitive in the inventory (data item \`${entry.id}\`) but not marked here`, place, 'unflagged-sensitive', { cause: entry.cause });
    } else {
      warn(text.file, `Unflagged sensitive personal information in clause \`${clause.id}\`: “${entry.term}” is named but not marked`, place, 'unflagged-sensitive');
    }
  }
}

const patterns = new Map<string, RegExp>();

function termPattern(term: string, locale: string): RegExp {
  const key = `${locale}\u0000${term}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Whole words in English; a word boundary only where the term starts or ends with a letter or digit (“IP address (IPv4)”).
    const edge = (char: string | undefined) => (locale.startsWith('en') && char !== undefined && /\w/.test(char) ? '\\b' : '');
    patterns.set(key, (pattern = new RegExp(`${edge(term[0])}${escaped}${edge(term.at(-1))}`, 'i')));
  }
  return pattern;
}

function namesNotVariables(text: TextForLint, written: string, placeOf: (offset: number) => Place): void {
  for (const [name, value] of Object.entries(text.variables)) {
    if (value.length < minNameLength || !/\p{L}/u.test(value)) continue;
    const offset = written.indexOf(value);
    if (offset >= 0) {
      warn(text.file, `Unexpected “${value}” written out: the variable \`{{${name}}}\` holds it`, placeOf(offset), 'name-not-variable', `Write \`{{${name}}}\` instead, so that the name is spelt the same everywhere and changes in one place.`);
    }
  }
}

function overMarking(text: TextForLint): void {
  for (const section of text.sections) {
    const runs = text.clauses.filter((clause) => clause.sectionId === section.id).flatMap((clause) => clause.blocks.flat());
    const total = runs.reduce((sum, run) => sum + run.text.length, 0);
    const flagged = runs.reduce((sum, run) => sum + (run.flag ? run.text.length : 0), 0);
    if (total >= minSectionLength && flagged / total > maxFlaggedShare) {
      warn(text.file, `Unexpected share of flagged text in section \`${section.id}\`: ${Math.round((100 * flagged) / total)}% is bold and underlined, expected at most ${maxFlaggedShare * 100}%`, section.place, 'over-marking', 'Flag the words that matter, not whole passages: when everything is bold, nothing stands out.');
    }
  }
}

/** Warns about SDKs that no clause shows. */
export function lintSdks(file: VFile, sdks: { id: string; place: Place }[], shown: Set<string>): void {
  for (const sdk of sdks) {
    if (!shown.has(sdk.id)) warn(file, `Unexpected SDK \`${sdk.id}\` that no clause shows`, sdk.place, 'sdk-not-shown', 'Show it with `sdks: all` or `sdks: [' + sdk.id + ']` on the clause about SDKs, or remove it from sdks.yaml.');
  }
}

function normalize(value: string): string {
  return value.replace(/\s+/g, ' ').trim().toLowerCase();
}
