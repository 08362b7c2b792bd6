/**
 * Every command reads its arguments the same way (src/cli/command.ts):
 * `--help` prints the usage and exits with 0; a mistake prints one line and
 * the usage on stderr and exits with 2, never a stack trace. The parser is
 * tested in-process; a few real runs check each command is wired to it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArguments, type CommandSpec } from '../../src/cli/command.ts';
import { buildDateEnvironment } from '../../src/cli/args.ts';
import { projectRoot, userEnvironment } from '../helpers/build.ts';

const spec = {
  command: 'npm run example --',
  summary: 'An example command.',
  positionals: [
    { name: '<document>', description: 'a document' },
    { name: '<YYYY-MM-DD>', description: 'a date', check: (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : 'a date as YYYY-MM-DD') },
  ],
  options: {
    out: { type: 'string', value: '<dir>', description: 'where to write' },
    port: { type: 'string', value: '<port>', description: 'a port', default: '4321', check: (value: string) => (/^\d+$/.test(value) ? undefined : 'a port number') },
    drafts: { type: 'boolean', description: 'drafts too' },
  },
  environment: buildDateEnvironment,
} as const satisfies CommandSpec;

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseArguments(spec, argv, env);
const problem = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const result = parse(argv, env);
  if (result.kind !== 'error') throw new Error(`expected an error, got ${result.kind}`);
  return result.message;
};

describe('the argument parser', () => {
  it('reads options, defaults and positionals', () => {
    const result = parse(['privacy', '2025-06-01', '--out', 'site', '--drafts']);
    expect(result).toEqual({ kind: 'ok', values: { out: 'site', port: '4321', drafts: true }, positionals: ['privacy', '2025-06-01'] });
    expect(parse(['--out=x', 'a', '2025-01-01', '--port', '80'])).toMatchObject({ values: { out: 'x', port: '80', drafts: false } });
  });

  it('prints the usage for --help and -h, whatever else is there', () => {
    for (const argv of [['--help'], ['-h'], ['--nonsense', '--help']]) {
      const result = parse(argv);
      expect(result.kind).toBe('help');
      if (result.kind !== 'help') continue;
      expect(result.text).toMatch(/^Usage: npm run example -- <document> <YYYY-MM-DD> \[options\]\n\nAn example command\.\n/);
      expect(result.text).toContain('\n  --out <dir>    where to write\n  --port <port>  a port (default: 4321)\n  --drafts       drafts too\n  -h, --help     show this help\n');
      expect(result.text).toContain('SOURCE_DATE_EPOCH');
    }
    expect(parse(['a', '2025-01-01', '--', '--help']).kind).toBe('error');
  });

  it('names an unknown option, with the one probably meant', () => {
    expect(problem(['a', '2025-01-01', '--outt', 'x'])).toBe('Unexpected option `--outt`, did you mean `--out`?');
    expect(problem(['a', '2025-01-01', '--verbose'])).toBe('Unexpected option `--verbose`, expected one of --out, --port, --drafts or --help.');
    expect(problem(['a', '2025-01-01', '-x'])).toContain('Unexpected option `-x`');
  });

  it('names an option without its value', () => {
    expect(problem(['a', '2025-01-01', '--out'])).toBe('Unexpected `--out` without a value, expected `--out <dir>`.');
    expect(problem(['a', '2025-01-01', '--out='])).toBe('Unexpected `--out` without a value, expected `--out <dir>`.');
    expect(problem(['a', '2025-01-01', '--out', '--drafts'])).toBe('Unexpected `--drafts` as the value of `--out`, expected `--out <dir>` (write `--out=--drafts` if that is the value).');
    expect(problem(['a', '2025-01-01', '--drafts=yes'])).toBe('Unexpected value `yes` for `--drafts`, which takes none.');
  });

  it('names a value or argument that does not fit', () => {
    expect(problem(['a', '2025-01-01', '--port', 'http'])).toBe('Unexpected `--port http`, expected a port number.');
    expect(problem(['a', 'yesterday'])).toBe('Unexpected <YYYY-MM-DD> `yesterday`, expected a date as YYYY-MM-DD.');
  });

  it('names a missing or extra argument', () => {
    expect(problem(['privacy'])).toBe('Unexpected end of the command, expected <YYYY-MM-DD> (a date).');
    expect(problem(['privacy', '2025-01-01', 'more'])).toBe('Unexpected argument `more`, expected nothing after <document> <YYYY-MM-DD>.');
  });

  it('names a SOURCE_DATE_EPOCH that is not a whole number of seconds', () => {
    for (const epoch of ['-1', '1.5', 'yesterday', '1e9', ' 12', '99999999999999']) {
      expect(problem(['a', '2025-01-01'], { SOURCE_DATE_EPOCH: epoch })).toMatch(new RegExp(`^Unexpected SOURCE_DATE_EPOCH \`${epoch.replace(/[.+]/g, '\\$&')}\`, expected `));
    }
    expect(parse(['a', '2025-01-01'], { SOURCE_DATE_EPOCH: '0' }).kind).toBe('ok');
    expect(parse(['a', '2025-01-01'], { SOURCE_DATE_EPOCH: '' }).kind).toBe('ok');
  });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [path.join(projectRoot, script), ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...userEnvironment(), NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A mistake: exit 2, the one line first, then the usage, on stderr only; no stack trace. */
function expectMistake(result: Run, line: string, usage: string): void {
  expect(result.status, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const [first, blank, ...rest] = result.stderr.split('\n');
  expect(first).toBe(line);
  expect(blank).toBe('');
  expect(rest.join('\n')).toMatch(new RegExp(`^Usage: ${usage.replace(/[[\]]/g, '\\$&')}`));
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

describe('each command', () => {
  it('prints its usage on --help and exits with 0', () => {
    const cases: [string, string[], string][] = [
      ['src/cli/build.ts', ['--help'], 'npm run build -- [options]'],
      ['src/cli/check.ts', ['-h'], 'npm run check -- [options]'],
      ['src/cli/versions.ts', ['publish', '--help'], 'npm run publish-version -- <document> <YYYY-MM-DD> [options]'],
      ['src/cli/translations.ts', ['confirm', '--help'], 'npm run translations:confirm -- <language> [<clause-id>…] [options]'],
      ['src/cli/translations.ts', ['export', '--help'], 'npm run translations:export -- <language> [options]'],
      ['src/cli/translations.ts', ['import', '--help'], 'npm run translations:import -- <file> [options]'],
      ['src/cli/schemas.ts', ['--help'], 'npm run schemas -- [options]'],
      ['src/bench/run.ts', ['--help'], 'npm run bench -- [options]'],
      ['src/cli/records.ts', ['verify', '-h'], 'npm run records:verify -- <policies.json> [options]'],
      ['src/cli/declarations.ts', ['--help'], 'npm run declarations -- [<to>] [options]'],
    ];
    for (const [script, args, usage] of cases) {
      const result = run(script, args);
      expect(result.status, `${script}: ${result.stderr}`).toBe(0);
      expect(result.stdout.startsWith(`Usage: ${usage}\n`), result.stdout).toBe(true);
      expect(result.stderr).toBe('');
    }
  });

  it('refuses an unknown option, a missing value, a missing or extra argument, with one line and the usage', () => {
    expectMistake(run('src/cli/build.ts', ['--draft']), 'Unexpected option `--draft`, did you mean `--drafts`?', 'npm run build -- [options]');
    expectMistake(run('src/cli/check.ts', ['--content']), 'Unexpected `--content` without a value, expected `--content <dir>`.', 'npm run check -- [options]');
    expectMistake(run('src/cli/dev.ts', ['--port', 'eighty']), 'Unexpected `--port eighty`, expected a port number from 0 to 65535 (0: any free port).', 'npm run dev -- [options]');
    expectMistake(run('src/cli/versions.ts', ['new', 'privacy']), 'Unexpected end of the command, expected <YYYY-MM-DD> (the version, by its publication date).', 'npm run new-version -- <document> <YYYY-MM-DD> [options]');
    expectMistake(run('src/cli/translations.ts', ['status', 'zh-CN']), 'Unexpected argument `zh-CN`, expected options only (npm passes options on after a lone `--`, as in `npm run build -- --out dist`).', 'npm run translations:status -- [options]');
    expectMistake(run('src/cli/translations.ts', ['import', 'a.xlf', 'b.xlf']), 'Unexpected argument `b.xlf`, expected nothing after <file>.', 'npm run translations:import -- <file> [options]');
    expectMistake(run('src/cli/schemas.ts', ['--out', 'x']), 'Unexpected option `--out`, expected no option but --help.', 'npm run schemas -- [options]');
    expectMistake(run('src/cli/screenshots.ts', ['--width', '1']), 'Unexpected option `--width`, expected one of --out or --help.', 'npm run screenshots -- [options]');
    expectMistake(run('src/bench/run.ts', [], { BENCH_RUNS: 'many' }), 'Unexpected BENCH_RUNS `many`, expected a whole number of runs from 1 up (such as 3).', 'npm run bench -- [options]');
  });

  it('refuses a script called without its command', () => {
    const result = run('src/cli/versions.ts', ['renumber']);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('Unexpected command `renumber`, expected one of: new, document, publish.');
    expect(result.stderr).toContain('Usage: npm run new-version --');
    expect(result.stderr).toContain('Usage: npm run publish-version --');
  });

  it('refuses a bad SOURCE_DATE_EPOCH before doing anything', () => {
    for (const script of ['src/cli/build.ts', 'src/cli/check.ts']) {
      expectMistake(
        run(script, [], { SOURCE_DATE_EPOCH: '2026-01-01' }),
        'Unexpected SOURCE_DATE_EPOCH `2026-01-01`, expected a whole number of seconds since 1970 (such as 1767225600), or no value for today.',
        `npm run ${path.basename(script, '.ts')} -- [options]`,
      );
    }
  });
});
