/**
 * Which folders a command may replace (src/output/): each refusal is tested
 * in a scratch folder holding a small project, and asserts that every file
 * in it survived, that the command never started writing, and that the
 * message is one line naming the folder and what is in it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OutputError, removeStale, stampFileName, writeOutput, type WriteOptions } from '../../src/output/index.ts';
import { tempDir } from '../helpers/content.ts';
import { isDirectory, treeOf, writeTree } from '../helpers/tree.ts';

let scratch: string;
let project: string;
let content: string;
let writes: number;

/** A command writing `files`; counts how often it was asked to write. */
function spec(files: Record<string, string> = { 'index.html': 'new site', 'en/index.html': 'new page' }): WriteOptions {
  return {
    what: 'the site',
    command: 'npm run build',
    contentDir: content,
    inputs: { 'public folder': path.join(project, 'public') },
    projectRoot: project,
    isLegacyOutput: async (dir) => existsSync(path.join(dir, 'policies.json')) && 'schemaVersion' in JSON.parse(readFileSync(path.join(dir, 'policies.json'), 'utf8')),
    write: async (staging) => {
      writes++;
      writeTree(staging, files);
    },
  };
}

beforeEach(() => {
  scratch = tempDir('legal-site-output-');
  project = path.join(scratch, 'project');
  content = path.join(project, 'data/content');
  writeTree(project, {
    'package.json': '{}',
    'src/cli/build.ts': '// the code',
    'data/content/site.yaml': 'name: Test',
    'data/content/privacy/2024-01-10/en.yaml': 'sections: []',
    'data/notes.md': 'not content',
    'public/_headers': '/*',
  });
  writeTree(scratch, { 'photos/holiday.jpg': 'a photo', 'todo.txt': 'keep me' });
  writes = 0;
});

async function refusal(out: string, options = spec()): Promise<OutputError> {
  const before = treeOf(scratch);
  const error = await writeOutput(out, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutputError);
  const refused = error as OutputError;
  expect(refused.exitCode).toBe(2);
  expect(refused.message).not.toContain('\n');
  expect(refused.message).toContain('Nothing was written.');
  expect(writes).toBe(0);
  expect(treeOf(scratch)).toEqual(before);
  return refused;
}

describe('folders an output never replaces', () => {
  it('the content folder', async () => {
    const { message } = await refusal(content);
    expect(message).toMatch(/^Refusing to write the site into \S+content\/: it is the content folder \(it contains privacy\/, site\.yaml\)\./);
  });

  it('a folder holding the content folder', async () => {
    const { message } = await refusal(path.join(project, 'data'));
    expect(message).toContain(`into ${path.join(project, 'data')}/: it holds the content folder ${content}/ (it contains content/, notes.md)`);
  });

  it('a folder inside the content folder, even a new one', async () => {
    const { message } = await refusal(path.join(content, 'privacy/site'));
    expect(message).toContain(`it is inside the content folder ${content}/`);
    expect(existsSync(path.join(content, 'privacy/site'))).toBe(false);
  });

  it('a folder the command reads, or one inside it', async () => {
    expect((await refusal(path.join(project, 'public'))).message).toContain('it is the public folder (it contains _headers)');
    expect((await refusal(path.join(project, 'public/site'))).message).toContain(`it is inside the public folder ${project}/public/, which the command reads`);
  });

  it('the project folder', async () => {
    const { message } = await refusal(project);
    expect(message).toContain(`into ${project}/: it is the project folder (it contains data/, package.json, public/, src/)`);
  });

  it('a folder holding the project folder', async () => {
    const { message } = await refusal(scratch);
    expect(message).toContain(`it holds the project folder ${project}/ (it contains photos/, project/, todo.txt)`);
  });

  it('a file, or a path through a file', async () => {
    expect((await refusal(path.join(scratch, 'todo.txt'))).message).toContain('todo.txt/: it is a file, not a folder');
    expect((await refusal(path.join(scratch, 'todo.txt/site'))).message).toContain(`${path.join(scratch, 'todo.txt')} is a file, not a folder`);
  });

  it('a folder with files the command did not write', async () => {
    const { message } = await refusal(path.join(scratch, 'photos'));
    expect(message).toContain("it is not empty and `npm run build` did not write it (holiday.jpg); replacing it would delete it.");
    expect(message).toContain('Move it elsewhere, or choose a new or empty folder with --out.');
  });

  it('a folder with many foreign entries names a few and counts the rest', async () => {
    const out = path.join(scratch, 'out');
    writeTree(out, Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', '.hidden'].map((name) => [name, name])));
    expect((await refusal(out)).message).toContain('did not write it (a, b, c, d and 3 more)');
  });

  it('a folder that looks like an old build but whose policies.json is not ours', async () => {
    const out = path.join(scratch, 'out');
    writeTree(out, { 'policies.json': '{"policies": []}', 'index.html': 'mine' });
    expect((await refusal(out)).message).toContain('did not write it (index.html, policies.json)');
  });

  it('a folder stamped by another command', async () => {
    const out = path.join(scratch, 'declarations');
    await writeOutput(out, { ...spec(), command: 'npm run declarations' });
    writes = 0;
    expect((await refusal(out)).message).toContain('`npm run declarations` wrote it (en/, index.html)');
  });

  it('a folder the command wrote, with a file added since, at any depth', async () => {
    const out = path.join(scratch, 'dist');
    await writeOutput(out, spec());
    writes = 0;
    writeFileSync(path.join(out, 'en/notes.html'), 'added by hand');
    expect((await refusal(out)).message).toContain('a file was added since `npm run build` wrote it (en/notes.html), which replacing it would delete');
    writeFileSync(path.join(out, 'CNAME'), 'example.com');
    expect((await refusal(out)).message).toContain('2 files were added since `npm run build` wrote it (CNAME, en/notes.html)');
    // A link is named, not followed into the folder it points at.
    symlinkSync(scratch, path.join(out, 'en/everything'));
    expect((await refusal(out)).message).toContain('3 files were added since `npm run build` wrote it (CNAME, en/everything, en/notes.html)');
  });

  it('a file added while a command that checks during its write (the build) writes: refused before the swap, nothing replaced', async () => {
    const out = path.join(scratch, 'dist');
    await writeOutput(out, spec({ 'index.html': 'old site', 'en/index.html': 'old page' }));
    const before = treeOf(out);
    const options = spec();
    const error = await writeOutput(out, {
      ...options,
      checkFilesWhileWriting: true,
      write: async (staging) => {
        await options.write(staging);
        // Someone saves a file into the output while the build renders.
        writeFileSync(path.join(out, 'en/notes.html'), 'added by hand');
      },
    }).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).message).toContain('a file was added since `npm run build` wrote it (en/notes.html)');
    // The old output stays, with the added file; no temporary folder is left beside it.
    expect(treeOf(out)).toEqual({ ...before, 'en/notes.html': 'added by hand' });
    expect(readdirSync(scratch).filter((name) => name.startsWith('.dist'))).toEqual([]);
    // The same folder without the added file is replaced as usual.
    rmSync(path.join(out, 'en/notes.html'));
    await writeOutput(out, { ...spec(), checkFilesWhileWriting: true });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new site');
  });

  it('a folder whose stamp is not ours', async () => {
    const out = path.join(scratch, 'out');
    writeTree(out, { [stampFileName]: 'hello', 'index.html': 'mine' });
    expect((await refusal(out)).message).toContain(`its ${stampFileName} is not a stamp this tool wrote, so its files (index.html, ${stampFileName}) may not be ours to delete`);
    rmSync(path.join(out, 'index.html'));
    expect((await refusal(out)).message).toContain(`its ${stampFileName} is not a stamp this tool wrote, so its files (${stampFileName}) may not be ours to delete. Nothing was written. Move it elsewhere`);
  });

  it('a symbolic link to the content folder, and one to nothing', async () => {
    symlinkSync(content, path.join(scratch, 'link'));
    expect((await refusal(path.join(scratch, 'link'))).message).toContain('it is the content folder');
    symlinkSync(path.join(scratch, 'nowhere'), path.join(scratch, 'dangling'));
    expect((await refusal(path.join(scratch, 'dangling'))).message).toContain('it is a symbolic link to nothing');
  });
});

describe('folders an output replaces', () => {
  it('a new folder, its parents made as needed, stamped with every file written', async () => {
    const out = path.join(scratch, 'new/deep/dist');
    const result = await writeOutput(out, spec());
    expect(result.state).toBe('missing');
    expect(treeOf(out)).toMatchObject({ 'index.html': 'new site', 'en/index.html': 'new page' });
    const stamp = JSON.parse(readFileSync(path.join(out, stampFileName), 'utf8'));
    expect(stamp).toMatchObject({ writtenBy: 'legal-site', command: 'npm run build', files: ['en/index.html', 'index.html'] });
    expect(readdirSync(path.join(scratch, 'new/deep'))).toEqual(['dist']);
  });

  it('an empty folder', async () => {
    const out = path.join(scratch, 'empty');
    mkdirSync(out);
    expect((await writeOutput(out, spec())).state).toBe('empty');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new site');
  });

  it('a folder the command wrote before: old files go, new ones come, files deleted by hand do not matter', async () => {
    const out = path.join(scratch, 'dist');
    await writeOutput(out, spec({ 'index.html': 'old site', 'old/page.html': 'old page', 'gone.html': 'deleted by hand' }));
    rmSync(path.join(out, 'gone.html'));
    const result = await writeOutput(out, spec());
    expect(result.state).toBe('stamped');
    expect(Object.keys(treeOf(out)).sort()).toEqual([stampFileName, 'en', 'en/index.html', 'index.html']);
    expect(readdirSync(scratch).sort()).toEqual(['dist', 'photos', 'project', 'todo.txt']);
  });

  it('a dist/ built before stamps, recognised by its policies.json', async () => {
    const out = path.join(scratch, 'dist');
    writeTree(out, { 'policies.json': '{"schemaVersion": 1, "documents": []}', 'en/privacy/index.html': 'old' });
    expect((await writeOutput(out, spec())).state).toBe('legacy');
    expect(existsSync(path.join(out, 'policies.json'))).toBe(false);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new site');
  });

  it('through a symbolic link: the folder it points to is replaced, the link stays', async () => {
    const real = path.join(scratch, 'www/site');
    await writeOutput(real, spec({ 'index.html': 'old' }));
    symlinkSync(real, path.join(scratch, 'dist'));
    await writeOutput(path.join(scratch, 'dist'), spec());
    expect(readFileSync(path.join(real, 'index.html'), 'utf8')).toBe('new site');
    expect(treeOf(scratch)['dist']).toBe(`-> ${real}`);
  });
});

describe('a write that fails', () => {
  it('leaves the previous output as it was, and no temporary folder or lock behind', async () => {
    const out = path.join(scratch, 'dist');
    await writeOutput(out, spec({ 'index.html': 'previous' }));
    const before = treeOf(scratch);
    const failing: WriteOptions = {
      ...spec(),
      write: async (staging) => {
        writeTree(staging, { 'index.html': 'half' });
        throw new Error('Astro failed');
      },
    };
    await expect(writeOutput(out, failing)).rejects.toThrow('Astro failed');
    expect(treeOf(scratch)).toEqual(before);
  });
});

describe('temporary folders of killed writers', () => {
  it('are removed by the next write; those of running processes and of other folders stay', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const alive = process.ppid;
    const left = [`.dist-next-${dead}`, `.dist-previous-${dead}`, `.dist-next-${dead}-previous`];
    const kept = [`.dist-next-${alive}`, `.other-next-${dead}`, '.dist-next-x'];
    for (const name of [...left, ...kept]) writeTree(path.join(scratch, name), { 'index.html': 'half-written' });
    await writeOutput(path.join(scratch, 'dist'), spec());
    const names = readdirSync(scratch);
    for (const name of left) expect(names).not.toContain(name);
    for (const name of kept) expect(names).toContain(name);
  });

  it('inside the target (where a mount point is worked on) do not count as its contents', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const out = path.join(scratch, 'dist');
    writeTree(out, { [`.dist-next-${dead}/index.html`]: 'half-written' });
    expect(await removeStale(out, 'dist')).toEqual([`.dist-next-${dead}`]);
    writeTree(out, { [`.dist-next-${dead}/index.html`]: 'half-written' });
    expect((await writeOutput(out, spec())).state).toBe('empty');
  });
});

describe('two writers of one folder', () => {
  it('the second waits for the first, then both end well', async () => {
    const out = path.join(scratch, 'dist');
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const order: string[] = [];
    let started!: () => void;
    const writing = new Promise<void>((resolve) => (started = resolve));
    const first = writeOutput(out, {
      ...spec({ 'index.html': 'first' }),
      write: async (staging) => {
        order.push('first writes');
        started();
        await gate;
        writeTree(staging, { 'index.html': 'first' });
      },
    });
    await writing;
    let waited = '';
    const second = writeOutput(out, {
      ...spec({ 'index.html': 'second' }),
      onWait: (message) => {
        waited = message;
        order.push('second waits');
        open();
      },
      write: async (staging) => {
        order.push('second writes');
        writeTree(staging, { 'index.html': 'second' });
      },
    });
    await Promise.all([first, second]);
    expect(order).toEqual(['first writes', 'second waits', 'second writes']);
    expect(waited).toContain(`Waiting for another command to finish writing ${out}/`);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('second');
    expect(readdirSync(scratch).sort()).toEqual(['dist', 'photos', 'project', 'todo.txt']);
  });

  it('the second gives up after its wait, with a message, and writes nothing', async () => {
    const out = path.join(scratch, 'dist');
    await writeOutput(out, spec({ 'index.html': 'before' }));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started!: () => void;
    const writing = new Promise<void>((resolve) => (started = resolve));
    const first = writeOutput(out, {
      ...spec({ 'index.html': 'first' }),
      write: () => {
        started();
        return gate;
      },
    });
    await writing;
    const error = await writeOutput(out, { ...spec(), waitSeconds: 0.5 }).catch((caught: unknown) => caught);
    open();
    await first;
    expect(error).toBeInstanceOf(OutputError);
    expect((error as OutputError).exitCode).toBe(1);
    expect((error as OutputError).message).toMatch(/^Another command is still writing \S+dist\/ after 0\.5 s of waiting \(its lock: \S+\.dist-lock\); nothing was written\./);
  });

  it('a lock left by a killed writer (no longer renewed) is taken over without waiting', async () => {
    const lock = path.join(scratch, '.dist-lock');
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    let waited = false;
    await writeOutput(path.join(scratch, 'dist'), { ...spec(), onWait: () => (waited = true) });
    expect(waited).toBe(false);
    expect(isDirectory(lock)).toBe(false);
  });
});
