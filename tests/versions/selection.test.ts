/**
 * Which version is current, upcoming, past or a draft, at a given build
 * date; drafts only when asked for; the build date from SOURCE_DATE_EPOCH.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load/index.ts';
import { buildDate } from '../../src/model/build-date.ts';
import { nextChange, upcomingChanges } from '../../src/model/schedule.ts';
import { fixturesDir, replaceOnce, siteWith } from '../helpers/content.ts';

const site = path.join(fixturesDir, 'sites/versions');

async function statuses(date: string, drafts = false) {
  const { site: model, files } = await loadSite(site, { buildDate: date, drafts });
  expect(files.flatMap((file) => file.messages)).toEqual([]);
  const document = model!.documents[0]!;
  return { current: document.current, versions: Object.fromEntries(document.versions.map((version) => [version.id, version.status])) };
}

describe('version selection', () => {
  it('before anything is in effect, the first version is shown and marked upcoming', async () => {
    expect(await statuses('2024-01-20')).toEqual({ current: '2024-01-10', versions: { '2024-06-01': 'upcoming', '2024-01-10': 'upcoming' } });
  });

  it('the newest version in effect is current; a published one not yet in effect is upcoming', async () => {
    expect(await statuses('2024-06-15')).toEqual({ current: '2024-01-10', versions: { '2024-06-01': 'upcoming', '2024-01-10': 'current' } });
  });

  it('on its effective date a version becomes current and the older one past', async () => {
    expect(await statuses('2024-07-01')).toEqual({ current: '2024-06-01', versions: { '2024-06-01': 'current', '2024-01-10': 'past' } });
  });

  it('drafts are left out when publishing, and never current when included', async () => {
    expect((await statuses('2025-01-01')).versions).not.toHaveProperty('2024-09-01');
    expect(await statuses('2025-01-01', true)).toEqual({ current: '2024-06-01', versions: { '2024-09-01': 'draft', '2024-06-01': 'current', '2024-01-10': 'past' } });
  });

  it('a preview includes drafts', async () => {
    const { site: model } = await loadSite(site, { mode: 'preview', buildDate: '2025-01-01' });
    expect(model!.documents[0]!.versions.map((version) => version.id)).toEqual(['2024-09-01', '2024-06-01', '2024-01-10']);
  });

  it('each version after the first has its redline against the one before', async () => {
    const { site: model } = await loadSite(site, { buildDate: '2025-01-01' });
    const [newer, older] = model!.documents[0]!.versions;
    expect(older!.changes).toBeUndefined();
    expect(newer!.previous).toBe('2024-01-10');
    const clause = newer!.changes!['en']!.sections.flatMap((section) => section.clauses).find((change) => change.id === 'liability')!;
    expect(clause.status).toBe('changed');
    expect(clause.blocks[0]!.filter((segment) => segment.type === 'ins').map((segment) => segment.text.trim())).toEqual(['or delays']);
  });

  it('a material version without a summary is an error', async () => {
    const dir = siteWith({ 'notice/2024-09-01/version.yaml': replaceOnce('draft: true\n', 'draft: true\nmaterial: true\n') }, site);
    const { files } = await loadSite(dir, { buildDate: '2025-01-01', drafts: true });
    const errors = files.flatMap((file) => file.messages.map((message) => message.reason));
    expect(errors).toEqual([expect.stringContaining('A material change needs a `summary:`')]);
  });
});

describe('when to build again', () => {
  it('is the soonest effective date of a published version not yet in effect; drafts do not count', async () => {
    const next = async (date: string) => {
      const { site: model } = await loadSite(site, { buildDate: date, drafts: true });
      return { next: nextChange(model!), upcoming: upcomingChanges(model!).map((change) => `${change.document} ${change.version} ${change.effective}`) };
    };
    expect(await next('2024-01-20')).toEqual({ next: '2024-02-01', upcoming: ['notice 2024-01-10 2024-02-01', 'notice 2024-06-01 2024-07-01'] });
    expect(await next('2024-06-15')).toEqual({ next: '2024-07-01', upcoming: ['notice 2024-06-01 2024-07-01'] });
    expect(await next('2024-07-01')).toEqual({ next: undefined, upcoming: [] });
  });
});

describe('the build date', () => {
  it('comes from SOURCE_DATE_EPOCH when set', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1719792000' })).toBe('2024-07-01');
  });

  it('is today otherwise', () => {
    expect(buildDate({}, new Date('2026-03-04T22:00:00Z'))).toBe('2026-03-04');
  });

  it('rejects a SOURCE_DATE_EPOCH that is not a number of seconds', () => {
    expect(() => buildDate({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/whole number of seconds/);
  });
});
