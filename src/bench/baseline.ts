/**
 * The bare-Astro baseline: a minimal Astro 7 project that renders the same
 * number of pages of the same text the way Astro does by default (a content
 * collection of Markdown files, its default Markdown engine, a minimal
 * layout). Written inside the project (bench/.work/) so that it resolves
 * Astro from the project's own node_modules. `count` is the number of HTML
 * pages our build wrote (src/bench/run.ts), every kind included: redlines
 * from each earlier version, webview redlines and first-launch notices count
 * on both sides.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const files: Record<string, string> = {
  'astro.config.mjs': `import { defineConfig } from 'astro/config';
export default defineConfig({ output: 'static', trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { pages: defineCollection({ loader: glob({ pattern: '**/*.md', base: './pages' }) }) };
`,
  'src/pages/[...slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('pages')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{entry.id}</title></head>
  <body><main><Content /></main></body>
</html>
`,
};

/** Writes a baseline project rendering `count` pages, cycling through `texts`. */
export async function writeBaseline(dir: string, texts: readonly string[], count: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  await mkdir(path.join(dir, 'pages'), { recursive: true });
  await Promise.all(Array.from({ length: count }, (_, index) => writeFile(path.join(dir, 'pages', `page-${String(index).padStart(5, '0')}.md`), texts[index % texts.length]!)));
}
