/**
 * Which files a command may write (src/output/file.ts): a new file, or one
 * the same command wrote and nobody changed since. Anything else is refused
 * with one line naming the file, and the file is left as it was.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/output/index.ts';
import { checkFileTarget, writeOutputFile, type FileOutputSpec } from '../../src/output/file.ts';
import { tempDir } from '../helpers/content.ts';

let scratch: string;

/** A command whose files start with the line `written by the test`, followed by a checksum of the rest (here: its length). */
const spec = (): FileOutputSpec => ({
  what: 'the export',
  command: 'npm run test-export',
  contentDir: path.join(scratch, 'content'),
  owner: (text) => {
    const match = /^written by the test (\d+)\n/.exec(text);
    if (!match) return 'foreign';
    return text.length - match[0].length === Number(match[1]) ? 'ours' : 'changed';
  },
  changedAdvice: 'Import it first.',
});
const ours = (body: string) => `written by the test ${body.length}\n${body}`;

beforeEach(() => {
  scratch = tempDir('legal-site-file-');
  mkdirSync(path.join(scratch, 'content'));
});

async function refusal(file: string): Promise<OutputError> {
  const error = await writeOutputFile(file, ours('new'), spec()).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(OutputError);
  expect((error as OutputError).message.split('\n')).toHaveLength(1);
  expect((error as OutputError).exitCode).toBe(2);
  return error as OutputError;
}

describe('an output file', () => {
  it('a new file is written, in a new folder if need be', async () => {
    const file = path.join(scratch, 'out/zh-CN.xlf');
    expect(await checkFileTarget(file, spec())).toEqual({ path: file, exists: false });
    await writeOutputFile(file, ours('first'), spec());
    expect(readFileSync(file, 'utf8')).toBe(ours('first'));
  });

  it('a file the command wrote, unchanged, is replaced', async () => {
    const file = path.join(scratch, 'zh-CN.xlf');
    writeFileSync(file, ours('first'));
    await writeOutputFile(file, ours('second'), spec());
    expect(readFileSync(file, 'utf8')).toBe(ours('second'));
  });

  it('a file the command did not write is refused, named, and kept', async () => {
    const file = path.join(scratch, 'notes.xlf');
    writeFileSync(file, 'my notes');
    const error = await refusal(file);
    expect(error.message).toContain('notes.xlf');
    expect(error.message).toContain('`npm run test-export` did not write it');
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it('a file the command wrote and someone changed since is refused, with the advice', async () => {
    const file = path.join(scratch, 'zh-CN.xlf');
    writeFileSync(file, `${ours('first')} translated`);
    const error = await refusal(file);
    expect(error.message).toContain('was changed since `npm run test-export` wrote it');
    expect(error.message).toContain('Import it first.');
    expect(readFileSync(file, 'utf8')).toBe(`${ours('first')} translated`);
  });

  it('a folder, a symbolic link, and a file inside the content folder are refused', async () => {
    mkdirSync(path.join(scratch, 'folder.xlf'));
    expect((await refusal(path.join(scratch, 'folder.xlf'))).message).toContain('it is a folder');
    writeFileSync(path.join(scratch, 'target.txt'), 'kept');
    symlinkSync(path.join(scratch, 'target.txt'), path.join(scratch, 'link.xlf'));
    expect((await refusal(path.join(scratch, 'link.xlf'))).message).toContain('symbolic link');
    expect(readFileSync(path.join(scratch, 'target.txt'), 'utf8')).toBe('kept');
    expect((await refusal(path.join(scratch, 'content/zh-CN.xlf'))).message).toContain('inside the content folder');
  });
});
