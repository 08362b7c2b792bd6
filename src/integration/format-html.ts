/**
 * Formats every built HTML page with one block element per line (rehype-format
 * only touches whitespace where HTML ignores it), so that `git diff` of two
 * builds shows what changed, line by line.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import rehypeFormat from 'rehype-format';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

// A line per block is what makes diffs readable; the rest is left out because the webview page
// must weigh little more than its text: no indentation, no optional end tags (`</p>`, `</li>` …),
// no quotes where HTML needs none. All of it is valid HTML (the Nu checker runs in the tests).
// `allowDangerousCharacters` only stops escaping `'` and backticks in attribute values, which
// HTML does not need (everything here was already sanitized and escaped once).
const formatter = unified()
  .use(rehypeParse)
  .use(rehypeFormat, { indent: 0 })
  .use(rehypeStringify, { allowDangerousCharacters: true, omitOptionalTags: true, preferUnquoted: true })
  .freeze();

export async function formatHtmlFiles(dir: string): Promise<number> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  await Promise.all(files.map(async (file) => writeFile(file, String(await formatter.process(await readFile(file, 'utf8'))))));
  return files.length;
}
