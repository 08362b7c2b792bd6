/** A folder's whole contents, to assert that nothing in it changed. */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Every entry under `dir` (relative path → file text, `<dir>` or `-> link target`), hidden ones included. */
export function treeOf(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full);
    if (entry.isSymbolicLink()) tree[relative] = `-> ${readlinkSync(full)}`;
    else if (entry.isDirectory()) tree[relative] = '<dir>';
    else tree[relative] = readFileSync(full, 'utf8');
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
