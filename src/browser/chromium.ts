/**
 * Debian's Chromium driven by playwright-core (no browser download), headless
 * and without background networking, in a fresh temporary profile.
 * .ci/run installs it (`apt-get install chromium`) when it is missing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** The Chromium binary itself (the /usr/bin/chromium wrapper script prints noise). */
export const chromiumPath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((candidate) => existsSync(candidate));

export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!chromiumPath) throw new Error('Chromium is not installed: run `apt-get install chromium` (what .ci/run does).');
  const profile = mkdtempSync(path.join(tmpdir(), 'legal-site-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 360, height: 740 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
