/** Step: each version's redline against the version before it, once per language. */
import { redline } from '../diff/redline.ts';
import type { BuiltVersion } from './version.ts';

/** `built` is oldest first; sets `changes` and `previous` on each version's model. */
export function redlines(built: readonly BuiltVersion[]): void {
  built.forEach((version, index) => {
    const previous = built[index - 1];
    if (!previous) return;
    version.model.changes = {};
    for (const [locale, text] of version.comparable) {
      const before = previous.comparable.get(locale);
      if (before) version.model.changes[locale] = redline(before, text, locale, { from: previous.model.id, to: version.model.id });
    }
    version.model.previous = previous.model.id;
  });
}
