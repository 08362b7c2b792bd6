/**
 * The day a build is for. SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) fixes it, so that two builds of the same
 * content give the same site; otherwise it is today (UTC).
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch === undefined || epoch === '') return now.toISOString().slice(0, 10);
  const problem = sourceDateEpochProblem(epoch);
  if (problem) throw new Error(problem);
  return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
}

/** Why a SOURCE_DATE_EPOCH value cannot be used, or `undefined` when it can. The commands check it before they start. */
export function sourceDateEpochProblem(epoch: string): string | undefined {
  if (!/^\d+$/.test(epoch)) return `Unexpected SOURCE_DATE_EPOCH \`${epoch}\`, expected a whole number of seconds since 1970 (such as 1767225600), or no value for today.`;
  // Dates end at year 275760 in JavaScript; a larger number is a mistake, not a date.
  if (Number(epoch) > 8_640_000_000_000) return `Unexpected SOURCE_DATE_EPOCH \`${epoch}\`, expected at most 8640000000000 seconds since 1970 (such as 1767225600).`;
  return undefined;
}
