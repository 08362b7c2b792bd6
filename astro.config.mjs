// @ts-check
import { defineConfig } from 'astro/config';
import legalSite from './src/integration/index.ts';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Hashed assets (the stylesheets) live in /_/: short, because the webview page counts every byte.
    assets: '_',
    // Render the next pages while the last ones are written: at a thousand pages the writes add up. With the build
    // command's larger pool of file threads (src/cli/threadpool.ts), 16 keep them busy (docs/performance.md, round four).
    concurrency: 16,
    // One small stylesheet shared by every page (cached once), never inlined.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  integrations: [legalSite({ contentDir: process.env.LEGAL_SITE_CONTENT ?? './content', translationStatus: process.env.LEGAL_SITE_TRANSLATION_STATUS === '1', pdf: process.env.LEGAL_SITE_PDF === '1' })],
});
