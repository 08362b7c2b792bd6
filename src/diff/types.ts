/** The redline between two versions of a text in one language: plain data, rendered by the changes page. */
import type { FlagKind } from '../schema/policy-text.ts';

/** A piece of text in a redline: kept, inserted or deleted, and the flag that marks it. */
export interface Segment {
  type: 'same' | 'ins' | 'del';
  text: string;
  flag?: FlagKind;
  /**
   * Set on every segment of a paragraph (or title, or SDK field) that was
   * too long, or changed too much, to compare word by word: its old text is
   * shown deleted and its new text inserted, whole, and the page says so.
   */
  uncompared?: true;
}

export interface FlagChange {
  kind: FlagKind;
  /** `clause`: the whole clause; `span`: flagged passages inside it. */
  scope: 'clause' | 'span';
  change: 'gained' | 'lost';
  /** For spans: how many more (gained) or fewer (lost). */
  count: number;
}

export interface ClauseChange {
  id: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  /** Title in the newer version (the older one for a removed clause). */
  title?: string;
  /** The title's redline, when it changed. */
  titleRedline?: Segment[];
  /** Set when the clause now stands in another section, or in another order. */
  moved?: { fromSection: string; toSection: string };
  reworded: boolean;
  flags: FlagChange[];
  /** `sdks:` placement changed. */
  sdkTableChanged: boolean;
  /** `lists:` placement changed (the inventory lists shown after the clause). */
  listsChanged: boolean;
  /** One list of segments per block (paragraph, list item, table cell); empty for an unchanged clause. */
  blocks: Segment[][];
}

export interface SectionChange {
  id: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  title?: string;
  titleRedline?: Segment[];
  /** Every clause, unchanged ones included (the page collapses them). */
  clauses: ClauseChange[];
}

export interface SdkFieldChange {
  field: 'name' | 'provider' | 'purpose' | 'personalInformation' | 'privacyPolicy';
  redline: Segment[];
}

export interface SdkChange {
  id: string;
  name: string;
  status: 'added' | 'removed' | 'changed';
  fields: SdkFieldChange[];
}

export interface Redline {
  /** The older version's id. */
  from: string;
  /** The newer version's id. */
  to: string;
  titleRedline?: Segment[];
  sections: SectionChange[];
  sdks: SdkChange[];
  /** Nothing changed at all. */
  identical: boolean;
}
