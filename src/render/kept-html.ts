/**
 * HTML written once per distinct content and language. The renderers
 * (lists, policy-body sections, a redline's changed clauses) key what they
 * write by what decides it; the words of a language (`t`, made once per
 * language and interface texts) hold the map, so that a preview with new
 * interface texts writes everything anew.
 */
import type { Translate } from '../i18n/index.ts';

/** Past this many per language, a long preview session starts over (a build writes far fewer). */
const maxKept = 20_000;

/** A store of written HTML: `write()` runs once per `t` and `key`, and `key` must say everything it depends on but `t`. */
export function keptHtml(): (t: Translate, key: string, write: () => string) => string {
  const byWords = new WeakMap<Translate, Map<string, string>>();
  return (t, key, write) => {
    let byKey = byWords.get(t);
    if (!byKey) byWords.set(t, (byKey = new Map()));
    let html = byKey.get(key);
    if (html === undefined) {
      if (byKey.size >= maxKept) byKey.clear();
      byKey.set(key, (html = write()));
    }
    return html;
  };
}
