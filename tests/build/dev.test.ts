/**
 * The live preview: pages are served, a content mistake turns every page
 * into the list of errors with file, line and column, and fixing the file
 * brings the page back, without restarting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, userEnvironment } from '../helpers/build.ts';
import { siteWith } from '../helpers/content.ts';

const content = siteWith({});
let origin = '';
let server: ChildProcess | undefined;

beforeAll(async () => {
  // Port 0: the system picks a free port, and the preview prints the address it listens on.
  server = spawn(process.execPath, [path.join(projectRoot, 'src/cli/dev.ts'), '--content', content, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'], detached: true, env: { ...userEnvironment(), NO_COLOR: '1' } });
  origin = await new Promise<string>((resolve, reject) => {
    let printed = '';
    server!.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      printed += chunk;
      const address = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(printed);
      if (address && Number(address[1]) > 0) resolve(`http://127.0.0.1:${address[1]}`);
    });
    server!.on('exit', (code) => reject(new Error(`npm run dev exited (${code}) before printing its address:\n${printed}`)));
  });
});

afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
});

async function fetchPage(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(origin + url, { headers: { Accept: 'text/html' } });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
}

/** Polls until `check` holds, for up to 30 s (the preview reloads asynchronously). */
async function until(url: string, check: (page: { status: number; body: string }) => boolean): Promise<{ status: number; body: string }> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const page = await fetchPage(url);
    if (page && check(page)) return page;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const last = await fetchPage(url);
  throw new Error(`${url} never reached the expected state; last answer: ${last?.status} ${last?.body.slice(300, 900)}`);
}

describe('npm run dev', () => {
  it('shows content errors in the browser with file and line, and recovers when the file is fixed', async () => {
    const page = await until('/en/notice/', (response) => response.status === 200);
    expect(page.body).toContain('Example Ltd Privacy Notice');

    const file = path.join(content, 'notice/2024-01-10/en.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('flag: important', 'flag: importnt'));
    // A save reaches the watcher as truncation then writing: wait for the page about the saved text.
    const broken = await until('/en/notice/', (response) => response.status === 500 && response.body.includes('importnt'));
    expect(broken.body).toContain('The content has 1 error');
    expect(broken.body).toMatch(/notice\/2024-01-10\/en\.yaml:\d+:\d+ {2}error {2}Unexpected `importnt`/);

    writeFileSync(file, original);
    const fixed = await until('/en/notice/', (response) => response.status === 200);
    expect(fixed.body).toContain('Example Ltd Privacy Notice');
  });
});
