/**
 * The preview's list of problems: every message of the run with the page it
 * belongs to, so that each preview page can show, in a banner, the warnings
 * about what it displays. A message on a file of a version folder belongs to
 * that version's pages; one on a document's folder to the document's pages;
 * any other (site.yaml, content/ui/, the lock) to every page.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { startOf } from '../messages/message.ts';
import type { PreviewMessage } from './types.ts';

/**
 * `changed`: the file the author saved last; its messages come first, then
 * the problems it caused elsewhere, in file order.
 */
export function previewMessages(files: readonly VFile[], contentRoot: string, changed?: string): PreviewMessage[] {
  const messages: PreviewMessage[] = [];
  for (const file of files) {
    if (!file.path) continue;
    const [document, version] = path.relative(contentRoot, file.path).split(path.sep);
    const scope = {
      ...(document && document !== '..' && !document.includes('.') && document !== 'ui' ? { document } : {}),
      ...(version && /^\d{4}-\d{2}-\d{2}$/.test(version) ? { version } : {}),
    };
    for (const message of file.messages) {
      const point = startOf(message.place);
      messages.push({
        ...scope,
        file: path.relative(process.cwd(), file.path) || file.path,
        absolutePath: file.path,
        line: point.line,
        column: point.column,
        severity: message.fatal === true ? 'error' : 'warning',
        reason: message.reason,
        ...(message.ruleId ? { ruleId: message.ruleId } : {}),
      });
    }
  }
  return orderByCause(messages, changed);
}

/** The changed file's messages first, then the rest in file, line and column order. */
export function orderByCause<T extends { absolutePath: string; line: number; column: number }>(messages: T[], changed?: string): T[] {
  const rank = (message: T) => (changed !== undefined && message.absolutePath === changed ? 0 : 1);
  return [...messages].sort((a, b) => rank(a) - rank(b) || a.absolutePath.localeCompare(b.absolutePath) || a.line - b.line || a.column - b.column);
}

/** The messages a page about `document` (and `version`) shows. */
export function messagesForPage(messages: readonly PreviewMessage[], document?: string, version?: string): PreviewMessage[] {
  return messages.filter((message) => (message.document === undefined || message.document === document) && (message.version === undefined || message.version === version));
}
