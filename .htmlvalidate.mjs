/**
 * html-validate, as strict as its `recommended` and `document` presets, less
 * what contradicts a deliberate choice of this project. Used by the test over
 * every built page (tests/build/delivery.test.ts) and by `npx html-validate`.
 */
export default {
  root: true,
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // Pages leave out needless quotes and optional end tags: the webview page counts every byte.
    'attr-quotes': 'off',
    'no-implicit-close': 'off',
    // Our own ids start with `_` (`_main`, `_toc`) so that they can never equal a clause id: valid HTML ids.
    'valid-id': ['error', { relaxed: true }],
    // Stylesheets come from the page's own origin, and the Content Security Policy allows no other.
    'require-sri': 'off',
    // Header cells in <thead> have column scope by HTML's own rules; row headers carry scope="row".
    'wcag/h63': 'off',
    // A phone number in the text stays as written (the text is a legal record); CSS keeps it on one line.
    'tel-non-breaking': 'off',
    // A title is the document's title as the legal team wrote it, plus the page and site name.
    'long-title': 'off',
  },
};
