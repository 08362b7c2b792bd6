/**
 * The page `npm run dev` shows instead of the site while the content has
 * errors: every problem with its file, line and column and how to fix it,
 * built as a hast tree (the messages are text, never markup). It loads
 * Vite's client so that it reloads by itself once the files are fixed.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import { formatMessage } from '../messages/report.ts';

export function errorPage(files: readonly VFile[]): string {
  const problems = files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => formatMessage(file, message)));
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'en' }, [
      h('head', [h('meta', { charset: 'utf-8' }), h('title', 'Content errors'), h('script', { type: 'module', src: '/@vite/client' })]),
      h('body', { style: 'font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem' }, [
        h('h1', `The content has ${problems.length} error${problems.length === 1 ? '' : 's'}`),
        h('p', 'Fix them in the files named below; this page reloads by itself when you save.'),
        h('ol', problems.map((problem) => h('li', [h('pre', { style: 'white-space: pre-wrap' }, problem)]))),
      ]),
    ]),
  ]);
  return toHtml(tree);
}
