/**
 * Swapping a finished output into place when a rename cannot do it: the
 * target is a mount point (EBUSY) or on another file system (EXDEV). The
 * file operations are injected, so each failure is made to happen here.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeOutput, type WriteOptions } from '../../src/output/index.ts';
import { nodeFs, swapBeside, swapInside, type SwapFs } from '../../src/output/swap.ts';
import { tempDir } from '../helpers/content.ts';
import { treeOf, writeTree } from '../helpers/tree.ts';

let scratch: string;
let staging: string;
let target: string;

beforeEach(() => {
  scratch = tempDir('legal-site-swap-');
  staging = path.join(scratch, '.dist-next-1');
  target = path.join(scratch, 'dist');
  writeTree(staging, { 'index.html': 'new', 'en/index.html': 'new page' });
  writeTree(target, { 'index.html': 'old', 'old/page.html': 'old page' });
});

const failure = (code: string) => Object.assign(new Error(`${code}: the operation failed`), { code });

/** The real file operations, with rename failing where `fails` says; counts the copies made instead. */
function failingRename(fails: (from: string, to: string) => string | undefined): SwapFs & { copies: string[] } {
  const copies: string[] = [];
  return {
    ...nodeFs,
    copies,
    rename: async (from, to) => {
      const code = fails(from, to);
      if (code) throw failure(code);
      await nodeFs.rename(from, to);
    },
    cp: async (from, to, options) => {
      copies.push(path.relative(scratch, from));
      await nodeFs.cp(from, to, options);
    },
  };
}

const newSite = { 'index.html': 'new', en: '<dir>', 'en/index.html': 'new page' };

describe('when rename cannot cross file systems (EXDEV)', () => {
  it('a new target is copied into place', async () => {
    const fs = failingRename(() => 'EXDEV');
    await swapBeside({ staging, target: path.join(scratch, 'fresh'), previous: path.join(scratch, '.fresh-previous-1'), keep: new Set() }, fs);
    expect(treeOf(path.join(scratch, 'fresh'))).toEqual(newSite);
    expect(fs.copies).toEqual(['.dist-next-1']);
    expect(readdirSync(scratch).sort()).toEqual(['dist', 'fresh']);
  });

  it('an existing target has its contents swapped, entry by entry, by copying', async () => {
    const fs = failingRename(() => 'EXDEV');
    await swapBeside({ staging, target, previous: path.join(scratch, '.dist-previous-1'), keep: new Set() }, fs);
    expect(treeOf(target)).toEqual(newSite);
    expect(fs.copies.length).toBeGreaterThan(0);
    expect(readdirSync(scratch)).toEqual(['dist']);
  });

  it('works through the whole write of an output', async () => {
    writeTree(scratch, { 'site/.legal-site-output': JSON.stringify({ writtenBy: 'legal-site', command: 'npm run build', note: '', files: ['index.html'] }), 'site/index.html': 'old' });
    const fs = failingRename(() => 'EXDEV');
    const options: WriteOptions = {
      what: 'the site',
      command: 'npm run build',
      contentDir: path.join(scratch, 'content'),
      projectRoot: path.join(scratch, 'project'),
      write: async (folder) => writeTree(folder, { 'index.html': 'new' }),
      fs,
    };
    expect((await writeOutput(path.join(scratch, 'site'), options)).state).toBe('stamped');
    expect(treeOf(path.join(scratch, 'site'))['index.html']).toBe('new');
    expect(fs.copies).toContain('.site-next-' + process.pid + '/index.html');
  });
});

describe('when the target cannot be renamed (a mount point: EBUSY)', () => {
  it('its contents are swapped inside it, by renames', async () => {
    const fs = failingRename((from) => (from === target ? 'EBUSY' : undefined));
    await swapBeside({ staging, target, previous: path.join(scratch, '.dist-previous-1'), keep: new Set() }, fs);
    expect(treeOf(target)).toEqual(newSite);
    expect(fs.copies).toEqual([]);
    expect(readdirSync(scratch)).toEqual(['dist']);
  });

  it('a staging folder inside the target is swapped in, and what must stay stays', async () => {
    const inner = path.join(target, '.dist-next-1');
    writeTree(inner, { 'index.html': 'new' });
    writeTree(target, { '.dist-lock/x': 'lock' });
    await swapInside({ staging: inner, target, previous: path.join(target, '.dist-previous-1'), keep: new Set(['.dist-lock']) });
    expect(treeOf(target)).toEqual({ 'index.html': 'new', '.dist-lock': '<dir>', '.dist-lock/x': 'lock' });
  });
});

describe('a swap that fails half way', () => {
  it('inside the target: puts every old entry back and removes the new ones', async () => {
    const before = treeOf(target);
    let moves = 0;
    const fs = failingRename((from) => {
      if (from === target) return 'EBUSY';
      // The second new entry fails to move in: the first one is in place by then.
      if (from.startsWith(staging) && ++moves === 2) return 'EIO';
      return undefined;
    });
    await expect(swapBeside({ staging, target, previous: path.join(scratch, '.dist-previous-1'), keep: new Set() }, fs)).rejects.toThrow('EIO');
    expect(treeOf(target)).toEqual(before);
  });

  it('beside the target: puts the old folder back', async () => {
    const before = treeOf(target);
    const fs = failingRename((from) => (from === staging ? 'EIO' : undefined));
    await expect(swapBeside({ staging, target, previous: path.join(scratch, '.dist-previous-1'), keep: new Set() }, fs)).rejects.toThrow('EIO');
    expect(treeOf(target)).toEqual(before);
  });
});
