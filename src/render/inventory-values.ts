/**
 * The inventory's values in a page's language: durations and regions
 * through Intl (Intl.DurationFormat, Intl.DisplayNames), everything else
 * through the interface words. Shared by the lists and the change sentences.
 */
import type { Translate } from '../i18n/index.ts';
import { kept } from '../i18n/kept.ts';
import { groupOf, type CategoryId } from '../inventory/taxonomy.ts';
import type { RetentionModel } from '../model/types.ts';
import { durationPattern } from '../schema/inventory.ts';

const durationFormats = new Map<string, Intl.DurationFormat>();
const regionNames = new Map<string, Intl.DisplayNames>();
/** `P3Y` → "3 years" / "3年"; `P1Y6M` → "1 year, 6 months". */
export function formatDuration(iso: string, locale: string): string {
  return kept(`duration ${locale} ${iso}`, () => durationText(iso, locale));
}

function durationText(iso: string, locale: string): string {
  const match = durationPattern.exec(iso);
  if (!match) return iso;
  const number = (part: string | undefined) => (part ? Number(part.slice(0, -1)) : undefined);
  const parts = { years: number(match[1]), months: number(match[2]), weeks: number(match[3]), days: number(match[4]), hours: number(match[6]), minutes: number(match[7]), seconds: number(match[8]) };
  const duration = Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined)) as Partial<Record<Intl.DurationFormatUnit, number>>;
  let format = durationFormats.get(locale);
  if (!format) durationFormats.set(locale, (format = new Intl.DurationFormat(locale, { style: 'long' })));
  return format.format(duration);
}

/** `CN` → "China" / "中国". */
export function regionName(code: string, locale: string): string {
  return kept(`region ${locale} ${code}`, () => regionText(code, locale));
}

function regionText(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
  return names.of(code) ?? code;
}

/** How long an item is kept, in words: "3 years, then deleted", "Until you cancel your account". */
export function retentionText(retention: RetentionModel | undefined, t: Translate): string {
  if (!retention) return t('lists.none');
  const period = retention.period !== undefined ? formatDuration(retention.period, t.locale) : (retention.rule ?? '');
  return retention.afterExpiry ? t(`lists.retention.${retention.afterExpiry}`, { period }) : period;
}

/** The type of a category, as the lists show it: its group ("Device information"). */
export function categoryLabel(category: CategoryId, t: Translate): string {
  return t(`lists.group.${groupOf(category)}`);
}
