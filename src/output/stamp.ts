/**
 * The stamp that marks a folder as written by one of our commands:
 * `.legal-site-output`, a small JSON file naming the command and every file
 * it wrote. A command replaces a folder only when the stamp says the same
 * command wrote it and no file was added since; so a file someone put there
 * is never deleted with the old output. The stamp holds no date, so two
 * builds of the same content stay byte for byte the same.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { listFiles, stampFileName } from './files.ts';

export { listFiles, stampFileName };


const stampSchema = z.strictObject({
  writtenBy: z.literal('legal-site'),
  /** The command that wrote the folder, as typed: `npm run build`. */
  command: z.string(),
  note: z.string(),
  /** Every file the command wrote, relative to the folder, with `/` between folders. */
  files: z.array(z.string()),
});

export type Stamp = z.infer<typeof stampSchema>;

/** Writes the stamp into `dir`, listing the files in it now. */
export async function writeStamp(dir: string, command: string): Promise<void> {
  const files = await listFiles(dir, (name) => name === stampFileName);
  const stamp: Stamp = {
    writtenBy: 'legal-site',
    command,
    note: `Written by \`${command}\`, which replaces this folder whole the next time. Keep no other files here: the command refuses to run while a file it did not write is in this folder.`,
    files,
  };
  await writeFile(path.join(dir, stampFileName), `${JSON.stringify(stamp, null, 1)}\n`);
}

/** The stamp in `dir`: `undefined` when there is none, `'unreadable'` when the file is not a stamp we wrote. */
export async function readStamp(dir: string): Promise<Stamp | 'unreadable' | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, stampFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'unreadable';
  }
  try {
    const parsed = stampSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}
