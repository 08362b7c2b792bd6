/**
 * Formatted values kept by what they are made from. Intl is slow to format
 * even with the formatter kept (Intl.DurationFormat took 0.45 s over the
 * largest benchmark site), and a site writes few distinct values many times:
 * the same dates, language names and durations on every page.
 */
const values = new Map<string, string>();

/** Past this many, values are made again rather than kept (a site has far fewer). */
const maxKept = 100_000;

/** The value `make` gives for `key`, made once; `key` must say everything `make` depends on. */
export function kept(key: string, make: () => string): string {
  let value = values.get(key);
  if (value === undefined) {
    value = make();
    if (values.size < maxKept) values.set(key, value);
  }
  return value;
}
