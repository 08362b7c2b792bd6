/**
 * One way for every command to read its arguments. `--help` (or `-h`)
 * prints the usage and exits with 0; an unknown option, an option without
 * its value, a value that does not fit, a missing or extra argument, or a bad
 * environment variable prints one line saying what was unexpected and what
 * was expected, then the usage, on stderr, and exits with 2.
 *
 * node:util's parseArgs splits the arguments into tokens; the checks and
 * messages are ours, because its own errors are long and name no fix.
 */
import { parseArgs } from 'node:util';
import { closest } from '../messages/suggest.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The value as the usage shows it: `<dir>`. */
  value?: string;
  description: string;
  /** The value when the option is not given (string options). */
  default?: string;
  /** Why a value does not fit (`a port number from 1 to 65535`), or `undefined` when it does. */
  check?: (value: string) => string | undefined;
}

export interface PositionalSpec {
  /** As the usage shows it: `<document>`. */
  name: string;
  description: string;
  optional?: boolean;
  /** The last argument only: it may be given several times (`[<clause-id>…]`). */
  variadic?: boolean;
  /** What a fitting value is, when this one does not fit. */
  check?: (value: string) => string | undefined;
}

export interface EnvironmentSpec {
  description: string;
  /** The whole message for a value that does not fit, or `undefined`. */
  check?: (value: string) => string | undefined;
}

export interface CommandSpec {
  /** As a person types it, before the options: `npm run build --`. */
  command: string;
  /** One or two sentences: what the command does. */
  summary: string;
  positionals?: readonly PositionalSpec[];
  options?: Readonly<Record<string, OptionSpec>>;
  environment?: Readonly<Record<string, EnvironmentSpec>>;
}

type Values<O> = {
  -readonly [K in keyof O]: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { default: string } ? string : string | undefined;
};

export interface Parsed<S extends CommandSpec> {
  values: Values<NonNullable<S['options']>>;
  positionals: string[];
}

export type ParseResult<S extends CommandSpec> = ({ kind: 'ok' } & Parsed<S>) | { kind: 'help'; text: string } | { kind: 'error'; message: string; text: string };

/** Reads `argv` against `spec`, without printing or exiting (for tests); {@link parseCommand} is what commands call. */
export function parseArguments<const S extends CommandSpec>(spec: S, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ParseResult<S> {
  const text = usage(spec);
  const end = argv.indexOf('--');
  if ((end < 0 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) return { kind: 'help', text };
  const problem = firstProblem(spec, argv, env);
  if (typeof problem === 'string') return { kind: 'error', message: problem, text };
  return { kind: 'ok', values: problem.values as Parsed<S>['values'], positionals: problem.positionals };
}

/** Reads the command line of this process; prints the usage and exits on `--help` or a mistake. */
export function parseCommand<const S extends CommandSpec>(spec: S, argv: readonly string[] = process.argv.slice(2)): Parsed<S> {
  const result = parseArguments(spec, argv);
  if (result.kind === 'help') {
    process.stdout.write(`${result.text}\n`);
    process.exit(0);
  }
  if (result.kind === 'error') usageError(result.message, result.text);
  return result;
}

/**
 * For a script that holds several commands (`versions.ts new`, `versions.ts
 * publish`): the first argument, set by the npm script, picks the command.
 */
export function parseSubcommand<const M extends Record<string, CommandSpec>>(specs: M, argv: readonly string[] = process.argv.slice(2)): { [K in keyof M]: { name: K } & Parsed<M[K]> }[keyof M] {
  const [name, ...rest] = argv;
  const names = Object.keys(specs);
  if (name === undefined || !Object.hasOwn(specs, name)) {
    const text = names.map((key) => usage(specs[key]!)).join('\n\n');
    if (name === '--help' || name === '-h') {
      process.stdout.write(`${text}\n`);
      process.exit(0);
    }
    usageError(name === undefined ? `Unexpected end of the command, expected one of: ${names.join(', ')}.` : `Unexpected command \`${name}\`, expected one of: ${names.join(', ')}.`, text);
  }
  return { name, ...parseCommand(specs[name]!, rest) } as never;
}

/** Prints a one-line mistake and the usage on stderr, and exits with 2. */
export function usageError(message: string, text: string): never {
  process.stderr.write(`${message}\n\n${text}\n`);
  process.exit(2);
}

export function usage(spec: CommandSpec): string {
  const positionals = (spec.positionals ?? []).map((entry) => {
    const name = entry.variadic ? `${entry.name}…` : entry.name;
    return entry.optional ? `[${name}]` : name;
  });
  const lines = [`Usage: ${[spec.command, ...positionals, '[options]'].join(' ')}`, '', spec.summary];
  const table = (rows: [string, string][]) => {
    const width = Math.max(...rows.map(([left]) => left.length));
    return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
  };
  if (spec.positionals?.length) lines.push('', 'Arguments:', ...table(spec.positionals.map((entry) => [entry.name, entry.description])));
  const options: [string, string][] = Object.entries(spec.options ?? {}).map(([name, option]) => [
    `--${name}${option.type === 'string' ? ` ${option.value ?? '<value>'}` : ''}`,
    `${option.description}${option.default !== undefined ? ` (default: ${option.default})` : ''}`,
  ]);
  options.push(['-h, --help', 'show this help']);
  lines.push('', 'Options:', ...table(options));
  const environment = Object.entries(spec.environment ?? {});
  if (environment.length) lines.push('', 'Environment:', ...table(environment.map(([name, entry]) => [name, entry.description])));
  return lines.join('\n');
}

function firstProblem(spec: CommandSpec, argv: readonly string[], env: NodeJS.ProcessEnv): string | { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const options = spec.options ?? {};
  const { tokens } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    tokens: true,
    options: Object.fromEntries(Object.entries(options).map(([name, option]) => [name, { type: option.type }])),
  });
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, option] of Object.entries(options)) values[name] = option.type === 'boolean' ? false : option.default;
  const positionals: string[] = [];
  const known = Object.keys(options).map((name) => `--${name}`);

  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!option) {
      const guess = closest(token.rawName, known);
      if (guess) return `Unexpected option \`${token.rawName}\`, did you mean \`${guess}\`?`;
      return `Unexpected option \`${token.rawName}\`, expected ${known.length ? `one of ${known.join(', ')} or --help` : 'no option but --help'}.`;
    }
    const form = `--${token.name}${option.type === 'string' ? ` ${option.value ?? '<value>'}` : ''}`;
    if (option.type === 'boolean') {
      if (token.value !== undefined) return `Unexpected value \`${token.value}\` for \`--${token.name}\`, which takes none.`;
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined || token.value === '') return `Unexpected \`--${token.name}\` without a value, expected \`${form}\`.`;
    if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
      return `Unexpected \`${token.value}\` as the value of \`--${token.name}\`, expected \`${form}\` (write \`--${token.name}=${token.value}\` if that is the value).`;
    }
    const unfit = option.check?.(token.value);
    if (unfit) return `Unexpected \`--${token.name} ${token.value}\`, expected ${unfit}.`;
    values[token.name] = token.value;
  }

  const expected = spec.positionals ?? [];
  const repeated = expected.at(-1)?.variadic ? expected.at(-1) : undefined;
  for (const [index, entry] of expected.entries()) {
    const value = positionals[index];
    if (value === undefined) {
      if (entry.optional) break;
      return `Unexpected end of the command, expected ${entry.name} (${entry.description}).`;
    }
    const unfit = entry.check?.(value);
    if (unfit) return `Unexpected ${entry.name} \`${value}\`, expected ${unfit}.`;
  }
  if (repeated) {
    for (const value of positionals.slice(expected.length)) {
      const unfit = repeated.check?.(value);
      if (unfit) return `Unexpected ${repeated.name} \`${value}\`, expected ${unfit}.`;
    }
  } else if (positionals.length > expected.length) {
    const extra = positionals[expected.length]!;
    // `npm run build --out x` hands the script only `x`: npm keeps options before a lone `--` for itself.
    return expected.length
      ? `Unexpected argument \`${extra}\`, expected nothing after ${expected.map((entry) => entry.name).join(' ')}.`
      : `Unexpected argument \`${extra}\`, expected options only (npm passes options on after a lone \`--\`, as in \`npm run build -- --out dist\`).`;
  }

  for (const [name, entry] of Object.entries(spec.environment ?? {})) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    const unfit = entry.check?.(value);
    if (unfit) return unfit;
  }
  return { values, positionals };
}
