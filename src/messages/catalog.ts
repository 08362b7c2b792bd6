/**
 * The catalogue of content problems, after Astro's `errors-data.ts`: every
 * message a legal editor can see has a rule id, a short title and a hint that
 * says how to fix it. Documented for editors in docs/content-format.md.
 */
export const rules = {
  'file-encoding': {
    title: 'File is not UTF-8 text',
    hint: 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8).',
  },
  'file-too-large': {
    title: 'File is too large',
    hint: 'Split the text into several sections or check that the file is the right one.',
  },
  'file-outside-content': {
    title: 'Link points outside the content folder',
    hint: 'Replace the symbolic link with a real file inside the content folder.',
  },
  'file-not-regular': {
    title: 'Not a file',
    hint: 'Replace the folder, pipe or device with an ordinary text file of that name, or remove it.',
  },
  'file-unreadable': {
    title: 'File cannot be read',
    hint: 'Check that the file exists and that you may read it (its permissions), then run the command again.',
  },
  'control-character': {
    title: 'Control character in text',
    hint: 'Delete the invisible character at this place (it often comes from copying out of another program); retype the text around it if your editor does not show it. In YAML, do not write it as an escape such as "\\x00" either.',
  },
  'bidi-control': {
    title: 'Bidirectional override in text',
    hint: 'Delete the invisible direction character at this place. Right-to-left text needs no overrides; where punctuation lands on the wrong side, use the marks U+200F (RLM) or U+200E (LRM), which are allowed.',
  },
  'file-missing': {
    title: 'Required file is missing',
    hint: 'Create the file named in the message; docs/content-format.md shows a complete example.',
  },
  'file-unexpected': {
    title: 'Unexpected file',
    hint: 'Remove the file, or rename it to one the generator reads (version.yaml, sdks.yaml, inventory.yaml, <language>.yaml).',
  },
  'yaml-syntax': {
    title: 'Malformed YAML',
    hint: 'Check the indentation (spaces, never tabs), the colon after each key, and put text that contains `: ` or starts with a special character in quotes, or use a `|` block.',
  },
  'yaml-feature': {
    title: 'YAML feature not supported',
    hint: 'Remove the `%YAML` line or the `!!tag`: content files are read as YAML 1.2, where dates and yes/no stay as written and text needs no tags.',
  },
  'unknown-key': {
    title: 'Unknown key',
    hint: 'Check the spelling of the key; the message lists the keys allowed here.',
  },
  'missing-key': {
    title: 'Missing key',
    hint: 'Add the key named in the message.',
  },
  'wrong-type': {
    title: 'Wrong kind of value',
    hint: 'Write the kind of value the message asks for (text, list or group of keys).',
  },
  'invalid-value': {
    title: 'Value not allowed',
    hint: 'Use one of the values the message lists.',
  },
  'invalid-id': {
    title: 'Invalid id',
    hint: 'Ids are lowercase words joined by single hyphens, such as `data-we-collect`. Keep an id unchanged once published.',
  },
  'invalid-date': {
    title: 'Invalid date',
    hint: 'Write dates as YYYY-MM-DD, such as 2022-09-15, and check that the day exists.',
  },
  'invalid-locale': {
    title: 'Invalid language tag',
    hint: 'Write a BCP 47 language tag such as `en`, `zh-CN` or `pt-BR`, spelt the same (same upper and lower case) in every file.',
  },
  'blank-text': {
    title: 'Text is blank',
    hint: 'Write the text, or remove the key (a clause needs text).',
  },
  'invalid-url': {
    title: 'Address not allowed',
    hint: 'Use an absolute address that starts with https:// (or http://).',
  },
  'duplicate-id': {
    title: 'Duplicate id',
    hint: 'Give each section, clause and SDK its own id; ids must be unique within a file.',
  },
  'unknown-flag': {
    title: 'Unknown flag',
    hint: 'Flag a span with `:sensitive[…]` (sensitive personal information) or `:important[…]` (terms material to the user’s rights or limiting liability).',
  },
  'flag-misuse': {
    title: 'Flag written incorrectly',
    hint: 'Write a flag as `:sensitive[the flagged words]` or `:important[the flagged words]`, not nested inside another flag and without `{…}` options.',
  },
  'variable-syntax': {
    title: 'Variable written incorrectly',
    hint: 'Write a variable as `{{name}}`: two braces on each side, a name of letters, digits and `_` (no `-` or `.`), defined under `variables:` in content/site.yaml.',
  },
  'text-too-long': {
    title: 'Text too long after filling in variables',
    hint: 'Use the variable fewer times, or shorten its value in content/site.yaml.',
  },
  'undefined-variable': {
    title: 'Undefined variable',
    hint: 'Define the variable under `variables:` in site.yaml (in the content folder), or correct its name.',
  },
  'raw-html': {
    title: 'HTML in text',
    hint: 'Write plain Markdown. HTML is never published; to mark words use `:important[…]` or `:sensitive[…]`.',
  },
  'unsupported-markdown': {
    title: 'Markdown feature not supported here',
    hint: 'Use paragraphs, lists, tables and links in clause text; a clause heading goes in its `title`.',
  },
  'markdown-too-deep': {
    title: 'Text nested too deeply',
    hint: 'Flatten the lists: legal text reads best with at most two or three levels.',
  },
  'markdown-too-complex': {
    title: 'Too much Markdown syntax in one paragraph',
    hint: 'Split the paragraph, or write literal characters with a backslash (`\\*`, `\\_`, `\\[`, `\\]`): so many markers in one paragraph would stall the build.',
  },
  'unsafe-link': {
    title: 'Link address not allowed',
    hint: 'Links may use https://, http://, mailto: or tel:, or point to a clause in this document with #clause-id.',
  },
  'notice-link': {
    title: 'Notice link leads nowhere',
    hint: 'In notice.yaml, link to a page of the version by name (`page:policy`; `page:collection`, `page:sharing`, `page:permissions` where the version has its data inventory) or to a section or clause of its policy with `#id`.',
  },
  'unknown-sdk': {
    title: 'Unknown SDK',
    hint: 'Use the id of an SDK listed in the version’s sdks.yaml, or `all`.',
  },
  'duplicate-sdk': {
    title: 'SDK listed twice',
    hint: 'List each SDK once in the clause’s `sdks:`.',
  },
  'version-folder': {
    title: 'Version folder is not a date',
    hint: 'Name each version folder after its publication date, YYYY-MM-DD, such as 2022-09-15.',
  },
  'version-date-mismatch': {
    title: 'Publication date differs from the folder name',
    hint: 'Make `published:` equal to the version folder’s name, or rename the folder.',
  },
  'effective-before-published': {
    title: 'Takes effect before it was published',
    hint: 'Check the dates: a version usually takes effect on or after its publication date. If it really applies retroactively, keep it, and say so in the text.',
  },
  'version-locked': {
    title: 'Published version changed',
    hint: 'A published version is a legal record and never changes. Undo the change, and make it in a new version (`npm run new-version -- <document> <YYYY-MM-DD>`).',
  },
  'version-unlocked': {
    title: 'Version neither draft nor published',
    hint: 'Publish it with `npm run publish-version -- <document> <YYYY-MM-DD>` (which records it in versions.lock.yaml), or mark it `draft: true`.',
  },
  'version-order': {
    title: 'New version dated before a published one',
    hint: 'Date a new version after the newest published version of its document: rename its folder and `published:`.',
  },
  'lock-missing': {
    title: 'Lock file missing',
    hint: 'Restore versions.lock.yaml in the content folder from version control (`git checkout -- <content folder>/versions.lock.yaml`), or mark versions that were never published `draft: true`.',
  },
  'lock-chain': {
    title: 'Lock entry edited',
    hint: 'versions.lock.yaml is append-only and written only by `npm run publish-version`. Restore it from version control (`git checkout -- <content folder>/versions.lock.yaml`).',
  },
  'lock-format': {
    title: 'Old lock format',
    hint: 'Convert the lock once with `npm run records:migrate` (see docs/records.md).',
  },
  'record-changed': {
    title: 'Published record changed',
    hint: 'A published record never changes. Undo the change that altered it (a file of the version, or the generator), or publish a new version.',
  },
  'unpublished-annex': {
    title: 'Annex not yet published',
    hint: 'Publish it with `npm run publish-version -- <document> <YYYY-MM-DD>`, which records it as its own record beside the version; until then only the preview and `--drafts` show it.',
  },
  'empty-document': {
    title: 'Document has no version',
    hint: 'Start the document with `npm run new-document -- <document> <YYYY-MM-DD>`, or remove the folder.',
  },
  'unknown-locale': {
    title: 'Language not configured',
    hint: 'List the language under `locales:` in site.yaml, or rename the file to a configured language.',
  },
  'missing-translation': {
    title: 'Text missing for a language',
    hint: 'Add the file for that language to the version folder (copy the source language file and translate it).',
  },
  'translation-missing': {
    title: 'Clause missing from a translation',
    hint: 'Translate the clause and add it to this language’s file with the same id, in the same section and order as in the source language.',
  },
  'translation-extra': {
    title: 'Clause only in a translation',
    hint: 'Remove the clause, or correct its id to the id the source language uses; a clause is added to the source language first.',
  },
  'translation-structure': {
    title: 'Translation ordered differently',
    hint: 'Put the sections and clauses in the same sections and order as in the source language.',
  },
  'translation-flags': {
    title: 'Translation flagged differently',
    hint: 'Flag the same words in every language: the same `flag:` and the same number of `:sensitive[…]` and `:important[…]` in each clause, and the same `sdks:` and `lists:`.',
  },
  'translation-stale': {
    title: 'Translation out of date',
    hint: 'Update the translation to match the source text, then record it with `npm run translations:confirm -- <language>`.',
  },
  'xliff-format': {
    title: 'Not an XLIFF file this site can read',
    hint: 'Import the XLIFF 2.0 file that `npm run translations:export` wrote, as the translation agency returned it (their CAT tool keeps its structure).',
  },
  'xliff-unknown': {
    title: 'XLIFF file names something this content does not have',
    hint: 'Check that the file was exported from this content (`npm run translations:export -- <language>`), for a language listed in content/site.yaml.',
  },
  'xliff-published': {
    title: 'XLIFF file for a published version',
    hint: 'A published version never changes. Start a new version (`npm run new-version`), export its translation and import that.',
  },
  'xliff-source-changed': {
    title: 'Source text changed since the export',
    hint: 'Export again (`npm run translations:export -- <language>`) and have the units named in the message translated from the new file.',
  },
  'xliff-codes': {
    title: 'Translation lost or repeated a protected code',
    hint: 'In the CAT tool, keep every tag of the source exactly once in the translation (flags, variables, links, line structure), then return the file again.',
  },
  'unflagged-sensitive': {
    title: 'Sensitive information not flagged',
    hint: 'Mark the words with `:sensitive[…]`, so that readers notice them (PIPL asks that sensitive personal information stand out).',
  },
  'over-marking': {
    title: 'Too much flagged text',
    hint: 'Flag the words that matter, not whole passages: when everything is bold, nothing stands out.',
  },
  'name-not-variable': {
    title: 'Name written out',
    hint: 'Use the variable instead, so that the name is spelt the same everywhere.',
  },
  'repeated-paragraph': {
    title: 'Repeated paragraph',
    hint: 'Keep the paragraph once; refer to it with a link `[see …](#clause-id)` if needed.',
  },
  'broken-reference': {
    title: 'Link to a missing clause',
    hint: 'Link to the id of an existing section or clause, such as `[clause 8](#no-consent-needed)`.',
  },
  'sdk-not-shown': {
    title: 'SDK never shown',
    hint: 'Show it with `sdks:` on a clause, or remove it from sdks.yaml.',
  },
  'declarations-unmapped': {
    title: 'Data item without a value in a store’s vocabulary',
    hint: 'Map the taxonomy category (or the data item) to the store’s value in content/declarations.yaml, under `categories:` or `items:`; docs/app-stores.md lists the values.',
  },
  'declarations-contradiction': {
    title: 'declarations.yaml contradicts the inventory',
    hint: 'Remove `onDevice: true` from the item in content/declarations.yaml, or correct the inventory’s processing row if the item really never leaves the device.',
  },
  'declarations-answer-missing': {
    title: 'A store’s question about the app is unanswered',
    hint: 'Add the named answers under `app:` in content/declarations.yaml (docs/app-stores.md explains each); until then the declarations leave them empty for a person to fill in each console.',
  },
  'inventory-reference': {
    title: 'Unknown id in the inventory',
    hint: 'Use the id of a data item, function, purpose, permission or recipient defined in the same inventory.yaml (the message lists them), or define it.',
  },
  'inventory-row-incomplete': {
    title: 'Processing row without purpose, method or data',
    hint: 'Give the row its `purposes:`, `method:` and `data:`: the collection list must state, for each function, why, how and what is collected (PIPL Art. 17; CAC 2026 draft item (二)).',
  },
  'inventory-sensitive-incomplete': {
    title: 'Sensitive item without necessity or impact',
    hint: 'Add `necessity:` and `impact:` under `sensitive:`, in every language: why processing it is necessary, and how it affects the user’s rights (PIPL Art. 30).',
  },
  'inventory-recipient-incomplete': {
    title: 'Recipient without package, version, operator or policy link',
    hint: 'Give an SDK its `package:` and `version:`; give another recipient its `operator:` and a `privacyPolicy:` or `contact:` (CAC 2026 draft item (三); PIPL Art. 23).',
  },
  'inventory-retention-missing': {
    title: 'Data item without retention',
    hint: 'Add `retention:` with a `period:` (`P30D`, `P3Y`) or a `rule:` saying how the period is decided (PIPL Art. 17; CAC 2026 draft item (四)).',
  },
  'inventory-sdk-mismatch': {
    title: 'Inventory and SDK table disagree',
    hint: 'Every SDK in sdks.yaml needs a recipient with `sdk: <its id>` in inventory.yaml, and every such recipient an SDK in sdks.yaml: add the one missing, or remove the one left over.',
  },
  'inventory-unused': {
    title: 'Inventory entry nothing uses',
    hint: 'Name it in a processing row (`data:`, `purposes:`, `permissions:`, `recipients:`, `function:`), or remove it if the app no longer does this.',
  },
  'inventory-material': {
    title: 'Inventory change needs renewed consent',
    hint: 'Keep `material: true` and write a `summary:` in every language, or, if the change does not need the user’s consent again, add `materialOverride:` with a `reason:` in every language to version.yaml.',
  },
  'missing-ui-strings': {
    title: 'No interface words for a language',
    hint: 'Add ui/<language>.yaml in the content folder with the interface words for that language (`npm run ui:new -- <language>` writes one to translate); see docs/translation.md.',
  },
  'missing-ui-string': {
    title: 'Interface word missing',
    hint: 'Add the key named in the message to the file it names, translated (the English text is in src/i18n/strings/en.json).',
  },
  'ui-placeholder': {
    title: 'Wrong placeholder in interface words',
    hint: 'Keep every `{placeholder}` of the English text, spelt the same; move it to where the language needs it.',
  },
  'ui-plural': {
    title: 'Wrong plural forms',
    hint: 'Give one form per plural category of the language (`one:`, `few:`, `many:`, `other:` …), as docs/translation.md lists them.',
  },
} as const satisfies Record<string, { title: string; hint: string }>;

export type RuleId = keyof typeof rules;
