// @ts-check
import { defineConfig } from 'astro/config';
import legalSite from './src/integration/index.ts';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One small stylesheet shared by every page (cached once), never inlined.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  integrations: [legalSite({ contentDir: process.env.LEGAL_SITE_CONTENT ?? './content' })],
});
