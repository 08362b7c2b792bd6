/**
 * When the site must be built again. Which version is current depends on the
 * build date, so a published version that takes effect later shows as
 * current only in a build made on or after its effective date. The build
 * command prints these dates, and /policies.json gives the first as
 * `nextChange`.
 */
import type { SiteModel } from './types.ts';

export interface ScheduledChange {
  document: string;
  /** Version id (its publication date). */
  version: string;
  /** The day it takes effect: from then on, a build shows it as current. */
  effective: string;
}

/** Every published version not yet in effect on the build date, soonest first. */
export function upcomingChanges(site: SiteModel): ScheduledChange[] {
  return site.documents
    .flatMap((document) => document.versions.filter((version) => version.status === 'upcoming').map((version) => ({ document: document.slug, version: version.id, effective: version.effective })))
    .sort((a, b) => a.effective.localeCompare(b.effective) || a.document.localeCompare(b.document));
}

/** The day the next upcoming version takes effect, if any. */
export function nextChange(site: SiteModel): string | undefined {
  return upcomingChanges(site)[0]?.effective;
}
