/**
 * The one place that finds and starts a browser (the browser tests, the
 * screenshots, Lighthouse and the PDF output all come through here). It looks,
 * in this order, for:
 *
 *   1. `CHROMIUM_PATH`, when set (an error if it names no file);
 *   2. a Chromium or Chrome installed on the system;
 *   3. a Chromium installed by Playwright (`npx playwright install chromium`);
 *   4. the Chromium that npm delivers with the optional dependency
 *      `@sparticuz/chromium` (Linux x64 only), unpacked once into a cache.
 *
 * and drives it with playwright-core (which downloads no browser itself),
 * headless, without background networking.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export type BrowserSource = 'CHROMIUM_PATH' | 'system' | 'playwright' | '@sparticuz/chromium';

export interface FoundBrowser {
  /** Where it was found, in the order above. */
  source: BrowserSource;
  executablePath: string;
  /** Extra command-line switches this browser needs. */
  args: string[];
  /** Extra environment for the browser process. */
  env: Record<string, string>;
}

/** Switches for every browser: no background traffic, nothing a test did not ask for. (Playwright adds `--no-sandbox` itself.) */
const quiet = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];

/** Where the usual system packages and installers put Chromium or Chrome. */
function systemCandidates(): string[] {
  if (process.platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  if (process.platform === 'win32') {
    const roots = [process.env['PROGRAMFILES'], process.env['PROGRAMFILES(X86)'], process.env['LOCALAPPDATA']].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [path.join(root, 'Chromium/Application/chrome.exe'), path.join(root, 'Google/Chrome/Application/chrome.exe')]);
  }
  // Debian's binary itself first: its /usr/bin/chromium wrapper script prints noise.
  return ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/snap/bin/chromium'];
}

/** Finds a browser, in the order described at the top of this file, unpacking the npm one if needed. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser> {
  const configured = env['CHROMIUM_PATH'];
  if (configured) {
    if (!existsSync(configured)) {
      throw new BrowserNotFound(`CHROMIUM_PATH names "${configured}", which does not exist; expected the path of a Chromium or Chrome executable.`, [`CHROMIUM_PATH (${configured}: no such file)`], 'Set CHROMIUM_PATH to a Chromium or Chrome executable, or unset it to use one installed on the system or by npm.');
    }
    return { source: 'CHROMIUM_PATH', executablePath: configured, args: quiet, env: {} };
  }
  const system = systemCandidates().find((candidate) => existsSync(candidate));
  if (system) return { source: 'system', executablePath: system, args: quiet, env: {} };
  const installed = chromium.executablePath();
  if (installed && existsSync(installed)) return { source: 'playwright', executablePath: installed, args: quiet, env: {} };
  const delivered = await unpackSparticuz();
  if (delivered) return delivered;
  const tried = [
    'CHROMIUM_PATH (not set)',
    `a Chromium or Chrome at ${systemCandidates().join(', ')}`,
    `a browser installed by Playwright (${installed || 'none'})`,
    `the optional npm package @sparticuz/chromium (${process.platform === 'linux' && process.arch === 'x64' ? 'not installed: run `npm ci` again' : 'Linux x64 only'})`,
  ];
  const fix = 'Install Chrome or Chromium, or run `npx playwright install chromium`, or set CHROMIUM_PATH.';
  throw new BrowserNotFound(`No Chromium found. Looked for: ${tried.join('; ')}. ${fix}`, tried, fix);
}

/** No browser to start: the message says what was looked for and how to get one; `tried` and `fix` say it in parts. */
export class BrowserNotFound extends Error {
  /** Each place looked at, with what was found there. */
  readonly tried: string[];
  /** What to do: one sentence. */
  readonly fix: string;

  constructor(message: string, tried: string[], fix: string) {
    super(message);
    this.name = 'BrowserNotFound';
    this.tried = tried;
    this.fix = fix;
  }
}

/**
 * `@sparticuz/chromium` ships Chromium brotli-packed; unpacking takes seconds,
 * so it is done once per package version into a folder in the system's
 * temporary folder, and reused. The package unpacks into `os.tmpdir()`, so a
 * child process with its own TMPDIR does it (no global state changes here),
 * into a staging folder that is renamed into place when complete: a second
 * process at the same time never sees half a browser.
 */
async function unpackSparticuz(): Promise<FoundBrowser | undefined> {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve('@sparticuz/chromium'));
  } catch {
    return undefined;
  }
  const packageDir = entry.slice(0, entry.lastIndexOf(`${path.sep}build${path.sep}`));
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const cache = path.join(tmpdir(), `legal-site-chromium-${version}`);
  const executablePath = path.join(cache, 'chromium');
  const complete = () => existsSync(path.join(cache, 'fonts.conf')) && existsSync(executablePath);
  if (!complete()) {
    // A copy that a cleaner of the temporary folder has thinned out: unpack again.
    await rm(cache, { recursive: true, force: true });
    const staging = `${cache}.${process.pid}.partial`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    try {
      await unpackInto(entry, staging);
      // The package's own fonts.conf names Lambda's folders: this one adds its fonts to the system's.
      await writeFile(
        path.join(staging, 'fonts.conf'),
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${cache}/fonts/fonts</dir>\n  <cachedir>${cache}/fontconfig</cachedir>\n</fontconfig>\n`,
      );
      await rename(staging, cache);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      // Another process finished first: use its copy.
      if (!complete()) throw error;
    }
  }
  return {
    source: '@sparticuz/chromium',
    executablePath,
    // A chrome-headless-shell build for hosts without a sandbox helper or zygote.
    args: [...quiet, '--no-zygote'],
    env: { FONTCONFIG_FILE: path.join(cache, 'fonts.conf') },
  };
}

function unpackInto(entry: string, dir: string): Promise<void> {
  const script = `const { default: chromium } = await import(${JSON.stringify(pathToFileURL(entry).href)}); await chromium.executablePath();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', script], { env: { ...process.env, TMPDIR: dir }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Unpacking @sparticuz/chromium failed:\n${stderr}`))));
  });
}

export interface LaunchedBrowser {
  /** Which browser was found, and where. */
  found: FoundBrowser;
  browser: Browser;
  /** A context with a 360 x 740 phone viewport (or the options given). */
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Finds a browser and launches it headless, with one fresh context (a throwaway profile, removed on close). */
export async function launchChromium(contextOptions: BrowserContextOptions = { viewport: { width: 360, height: 740 } }): Promise<LaunchedBrowser> {
  const found = await findChromium();
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    headless: true,
    args: found.args,
    env: { ...process.env, ...found.env },
  });
  const context = await browser.newContext(contextOptions);
  return {
    found,
    browser,
    context,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}
