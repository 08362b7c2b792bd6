/**
 * Step: where each version stands on the build date. `current`: the newest
 * published version already in effect; `upcoming`: published, in effect
 * later; `past`: replaced; `draft`: not published.
 */
import type { VersionModel, VersionStatus } from './types.ts';

/** Sets `status` on every version (newest first) and returns the current one. */
export function assignStatuses(versions: VersionModel[], date: string): VersionModel | undefined {
  const current = versions.find((version) => !version.draft && version.effective <= date);
  for (const version of versions) version.status = statusOf(version, current, date);
  return current;
}

function statusOf(version: VersionModel, current: VersionModel | undefined, date: string): VersionStatus {
  if (version.draft) return 'draft';
  if (version === current) return 'current';
  if (version.effective > date) return 'upcoming';
  return 'past';
}
