/**
 * What loading produces: every content file parsed and validated, with its
 * YAML document kept for positions. The model steps (src/model/) read these
 * types; nothing here has been checked across files yet.
 */
import type { VFile } from 'vfile';
import type { UiSources } from '../i18n/resolve.ts';
import type { DeclarationsInput } from '../schema/declarations.ts';
import type { FrozenValues } from '../schema/frozen-values.ts';
import type { InventoryInput } from '../schema/inventory.ts';
import type { NoticeInput } from '../schema/notice.ts';
import type { PolicyTextInput } from '../schema/policy-text.ts';
import type { SdkDirectoryInput } from '../schema/sdks.ts';
import type { SiteConfig } from '../schema/site.ts';
import type { TranslationsLock } from '../schema/translations.ts';
import type { VersionMeta } from '../schema/version.ts';
import type { VersionsLock } from '../schema/versions-lock.ts';
import type { ContentTree } from './read.ts';
import type { YamlSource } from './yaml.ts';

/** A validated file together with its parsed YAML, for positions. */
export interface Parsed<T> {
  data: T;
  source: YamlSource;
  /** The file failed its schema and some values were set aside (src/load/validate.ts): check it further, never publish it. */
  partial: boolean;
}

/** One language's text file, and its content when it could be read and validated. */
export interface ParsedText {
  file: VFile;
  parsed: Parsed<PolicyTextInput> | undefined;
}

/** What the lock says of a version: which of its records are published. */
export interface Publication {
  /** Languages of the published policy record (translations published later as annexes included). */
  locales: string[];
  /** Languages published as translation annexes, after the version itself. */
  annexLocales: string[];
  /** Published annexes other than translations (`inventory`, `notice`): annex → language → sha256 of its record. */
  annexes: Record<string, Record<string, string>>;
  /** Language → sha256 of the canonical record, as published (the policy record and translation annexes). */
  records: Record<string, string>;
  /** Language → the hash manifests gave before the records format (migrated versions only). */
  legacySha256: Record<string, string>;
}

export interface ParsedVersion {
  /** Folder name: the publication date. */
  id: string;
  dir: string;
  /** Stands for the folder in messages about the folder itself. */
  folder: VFile;
  meta: Parsed<VersionMeta> | undefined;
  sdks: Parsed<SdkDirectoryInput> | undefined;
  /** True when sdks.yaml exists, even if it failed validation (then its own errors are reported). */
  hasSdksFile: boolean;
  /** inventory.yaml: the data inventory (an annex of the version, docs/inventory.md). */
  inventory: Parsed<InventoryInput> | undefined;
  /** True when inventory.yaml exists, even if it failed validation. */
  hasInventoryFile: boolean;
  /** notice.yaml: the first-launch notice (an annex of its own), when it passed validation. */
  notice: Parsed<NoticeInput> | undefined;
  translationsLock: Parsed<TranslationsLock> | undefined;
  /** Variable values frozen at publication (variables.yaml and variables.<locale>.yaml), merged per language. */
  frozen: Parsed<FrozenValues>[];
  /** Each language file, and its content when it passed validation. */
  texts: Map<string, ParsedText>;
  /** Set when the lock records the version as published: a legal record. */
  publication: Publication | undefined;
  /** Every file of the folder that was read, for messages about the version as a whole. */
  files: VFile[];
}

export interface ParsedDocument {
  slug: string;
  versions: ParsedVersion[];
}

export interface ParsedContent {
  site: Parsed<SiteConfig>;
  documents: ParsedDocument[];
  /** Interface words: shipped and from content/ui/. */
  ui: UiSources;
  /** content/declarations.yaml, when there is one (docs/app-stores.md). */
  declarations?: Parsed<DeclarationsInput> | undefined;
}

export interface ParseResult {
  content: ParsedContent | undefined;
  files: VFile[];
  tree: ContentTree;
  lock: Parsed<VersionsLock> | undefined;
}
