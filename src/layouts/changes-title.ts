/** The title of a redline page: "Changes from <date> to <date> · <policy title>", in the page's language. */
import { formatDate, useTranslations } from '../i18n/index.ts';
import type { ChangesPageProps } from '../routing.ts';

export function changesTitle({ site, locale, version, redline }: ChangesPageProps): string {
  const t = useTranslations(site, locale.code);
  const page = t('changes.title', { from: formatDate(redline.from, locale.code), to: formatDate(redline.to, locale.code) });
  return t('format.title', { page, context: version.texts[locale.code]!.title });
}

/** The description of a redline page, in the page's language. */
export function changesDescription({ site, locale, version, redline }: ChangesPageProps): string {
  const t = useTranslations(site, locale.code);
  return t('changes.description', { document: version.texts[locale.code]!.title, to: formatDate(redline.to, locale.code) });
}
