/**
 * The preview's memory of built versions: a save changes one file, and every
 * other version builds to the same model as at the last load. So a version
 * whose inputs are the same objects as last time (the parse cache,
 * src/load/parse-cache.ts, gives an unchanged file's data back as the same
 * object) and whose context is the same gets its earlier model again, with
 * copies of the messages its building reported and of the links to other
 * documents it found. A version whose files changed is built again.
 *
 * The kept model is a snapshot taken before the document's steps (statuses,
 * redlines, consent) changed it; each reuse gets its own shallow copy for
 * them to change again. Only for loads that keep no canonical records (the
 * record commands build everything).
 */
import type { VFileMessage } from 'vfile-message';
import type { ParsedVersion } from '../load/parsed.ts';
import { copyMessage } from '../messages/message.ts';
import type { SiteContext } from './context.ts';
import type { PendingDocumentLink } from './text.ts';
import type { VersionModel } from './types.ts';
import type { BuiltVersion } from './version.ts';

interface Entry {
  inputs: unknown[];
  signature: string;
  built: BuiltVersion | undefined;
  model: VersionModel | undefined;
  messages: { path: string; message: VFileMessage }[];
  links: (Omit<PendingDocumentLink, 'file'> & { path: string })[];
}

export class VersionMemo {
  readonly #entries = new Map<string, Entry>();
  #used = new Set<string>();
  hits = 0;
  misses = 0;

  build(version: ParsedVersion, document: string, context: SiteContext, build: () => BuiltVersion | undefined): BuiltVersion | undefined {
    if (context.options.records) return build();
    const key = `${document}/${version.id}`;
    this.#used.add(key);
    const inputs = inputsOf(version, context);
    const signature = signatureOf(version, context);
    const byPath = new Map(version.files.map((file) => [file.path, file]));
    const found = this.#entries.get(key);
    if (found && found.signature === signature && sameInputs(found.inputs, inputs) && [...found.messages.map((entry) => entry.path), ...found.links.map((link) => link.path)].every((path) => byPath.has(path))) {
      this.hits++;
      for (const { path, message } of found.messages) byPath.get(path)!.messages.push(copyMessage(message, path));
      for (const { path, ...link } of found.links) context.documentLinks.push({ ...link, file: byPath.get(path)! });
      return found.built && found.model && { ...found.built, model: { ...found.model }, parsed: version };
    }
    this.misses++;
    // What building this version reports: on its own files only (else it is not kept).
    const before = new Map(version.files.map((file) => [file, file.messages.length]));
    const siteFile = context.site.source.file;
    const siteBefore = siteFile.messages.length;
    const linksBefore = context.documentLinks.length;
    const built = build();
    const messages = [...before].flatMap(([file, count]) => file.messages.slice(count).map((message) => ({ path: file.path, message: copyMessage(message, file.path) })));
    const links = context.documentLinks.slice(linksBefore);
    const kept = siteFile.messages.length === siteBefore && links.every((link) => byPath.get(link.file.path) === link.file);
    if (kept) {
      this.#entries.set(key, { inputs, signature, built, model: built && { ...built.model }, messages, links: links.map(({ file, ...link }) => ({ ...link, path: file.path })) });
    } else this.#entries.delete(key);
    return built;
  }

  /** Forgets the versions no load since the last sweep met. */
  sweep(): void {
    for (const key of this.#entries.keys()) if (!this.#used.has(key)) this.#entries.delete(key);
    this.#used = new Set();
  }
}

/** The parsed data a version is built from: the same objects when its files did not change. */
function inputsOf(version: ParsedVersion, context: SiteContext): unknown[] {
  return [
    context.renderer,
    version.meta?.data,
    version.sdks?.data,
    version.inventory?.data,
    version.notice?.data,
    version.translationsLock?.data,
    ...version.frozen.map((frozen) => frozen.data),
    ...[...version.texts].flatMap(([locale, { parsed }]) => [locale, parsed?.data]),
  ];
}

/** Everything else it depends on, as text: the site's languages and values, the options, its publication and its files. */
function signatureOf(version: ParsedVersion, context: SiteContext): string {
  const { mode, drafts, buildDate } = context.options;
  return JSON.stringify([context.locales, context.sourceLocale, [...context.siteValues], mode, drafts, buildDate, version.publication ?? null, version.hasInventoryFile, version.hasSdksFile, version.files.map((file) => file.path)]);
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

