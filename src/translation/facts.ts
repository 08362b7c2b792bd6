/**
 * What the translation checks compare, per language: the structure of a
 * text (sections, clauses, flags, SDK placement), with the place of each
 * item in its file so that every message can point at it.
 */
import type { VFile } from 'vfile';
import type { Place } from '../messages/message.ts';
import type { FlagKind } from '../schema/policy-text.ts';

export interface ClauseFacts {
  id: string;
  sectionId: string;
  flag: FlagKind | undefined;
  inlineFlags: FlagKind[];
  /** `sdks:` as written (`all`, ids joined by commas, or empty). */
  sdks: string;
  /** `lists:` as written (list kinds joined by commas, or empty). */
  lists: string;
  place: Place;
}

export interface SectionFacts {
  id: string;
  place: Place;
}

export interface TextFacts {
  locale: string;
  file: VFile;
  sections: SectionFacts[];
  /** In reading order. */
  clauses: ClauseFacts[];
}
