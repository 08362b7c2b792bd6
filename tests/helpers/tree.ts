/** A folder's whole contents, to assert that nothing in it changed. */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Every entry under `dir` (relative path → file text, `<dir>` or `-> link target`), hidden ones included; links are not followed. */
export function treeOf(dir: string, tree: Record<string, string> = {}, prefix = ''): Record<string, string> {
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    const full = path.join(dir, relative);
    if (entry.isSymbolicLink()) tree[relative] = `-> ${readlinkSync(full)}`;
    else if (entry.isDirectory()) {
      tree[relative] = '<dir>';
      treeOf(dir, tree, relative);
    } else tree[relative] = readFileSync(full, 'utf8');
  }
  return tree;
}

/** Writes files (relative path → text) under `dir`, making folders as needed. */
export function writeTree(dir: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
  }
}

export function isDirectory(file: string): boolean {
  try {
    return lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}
