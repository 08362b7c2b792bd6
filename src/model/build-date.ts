/**
 * The day a build is for. SOURCE_DATE_EPOCH (seconds since 1970, the
 * reproducible-builds convention) fixes it, so that two builds of the same
 * content give the same site; otherwise it is today (UTC).
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}".`);
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}
