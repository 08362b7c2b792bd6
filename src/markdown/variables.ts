/**
 * `{{name}}` placeholders: values written once in site.yaml (company name,
 * app name, contact details) and used everywhere text is shown. A name is
 * letters, digits and `_`, starting with a letter; spaces inside the braces
 * are allowed (`{{ app }}`).
 *
 * Anything else that looks like a placeholder is a mistake that would be
 * published as written: `{{app-name}}`, `{{company.name}}`, `{{}}`, an
 * unclosed `{{app`, a stray `}}`, and `{company}` with one brace where
 * `company` is a variable. Each is reported, with the right spelling.
 */
import { closest } from '../messages/suggest.ts';

/** Matches `{{name}}`, with optional spaces inside the braces. */
export const variablePattern = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** Text after filling in variables may be at most this long (characters), far beyond any clause. */
export const maxFilledLength = 2 * 1024 * 1024;

/**
 * Every brace construct, in the order of the alternatives: a placeholder
 * (valid or not), an opening `{{` with no closing, a closing `}}` with no
 * opening, and a word in single braces.
 */
const braces = /(\{{2,})([^{}\n]*)(\}{2,})|\{\{|\}\}|\{([A-Za-z][A-Za-z0-9_.-]*)\}/g;
const variableName = /^[A-Za-z][A-Za-z0-9_]*$/;

export interface MissingVariable {
  name: string;
  /** Index of the placeholder in the input string. */
  index: number;
}

export interface MalformedVariable {
  /** What was written, such as `{{app-name}}`. */
  written: string;
  index: number;
  reason: string;
}

export interface Filled {
  value: string;
  /** Well-formed names that site.yaml does not define. */
  missing: MissingVariable[];
  /** Placeholders written incorrectly. */
  malformed: MalformedVariable[];
  /** Set when filling in would make the text longer than `maxFilledLength`: the text is left as written. */
  tooLong?: true;
}

/** The message for an unknown `{{name}}`: what is defined, and the likely intended name. */
export function undefinedVariableReason(name: string, variables: Readonly<Record<string, string>>): string {
  const known = Object.keys(variables);
  const suggestion = closest(name, known);
  return `Undefined variable \`{{${name}}}\`, expected one of ${knownList(known)}${suggestion ? `. Did you mean \`{{${suggestion}}}\`?` : ''}`;
}

/** The message for text that would grow too long. */
export const tooLongReason = `Unexpected text longer than ${maxFilledLength.toLocaleString('en')} characters once its variables are filled in, expected shorter text`;

/**
 * Replaces every known `{{name}}` in `value`. Unknown and malformed
 * placeholders are left as written and returned; so is the whole text when
 * filling it in would exceed `maxFilledLength` (`budget` lowers that limit,
 * for text filled in several pieces).
 */
export function replaceVariables(value: string, variables: Readonly<Record<string, string>>, budget = maxFilledLength): Filled {
  const missing: MissingVariable[] = [];
  const malformed: MalformedVariable[] = [];
  const known = Object.keys(variables);
  const pieces: string[] = [];
  let length = 0;
  let last = 0;
  braces.lastIndex = 0;
  for (let match = braces.exec(value); match; match = braces.exec(value)) {
    const [written, open, inner, close, single] = match;
    const { index } = match;
    let replacement: string | undefined;
    if (inner !== undefined) {
      const name = inner.trim();
      if (open!.length !== 2 || close!.length !== 2) {
        const intended = variableName.test(name) && known.includes(name) ? name : undefined;
        malformed.push({ written, index, reason: `Unexpected \`${written}\`, expected two braces on each side${intended ? `: \`{{${intended}}}\`` : ', such as `{{company}}`'}` });
      } else if (!variableName.test(name)) malformed.push({ written, index, reason: malformedReason(written, name, known) });
      else if (Object.hasOwn(variables, name)) replacement = variables[name] as string;
      else missing.push({ name, index });
    } else if (single !== undefined) {
      const intended = known.includes(single) ? single : closest(single, known);
      if (intended) malformed.push({ written, index, reason: `Unexpected \`${written}\` with single braces, expected \`{{${intended}}}\`: a variable takes two braces on each side` });
    } else if (written === '{{') {
      malformed.push({ written, index, reason: `Unexpected \`{{\` without a closing \`}}\` on the same line, expected a variable such as ${knownList(known.slice(0, 1))}` });
    } else {
      malformed.push({ written, index, reason: 'Unexpected `}}` without an opening `{{`, expected a variable such as `{{company}}`' });
    }
    if (replacement === undefined) continue;
    length += index - last + replacement.length;
    if (length > budget) return { value, missing, malformed, tooLong: true };
    pieces.push(value.slice(last, index), replacement);
    last = index + written.length;
  }
  if (pieces.length === 0) return { value, missing, malformed };
  pieces.push(value.slice(last));
  return { value: pieces.join(''), missing, malformed };
}

/** Why `{{…}}` is not a variable, and what was probably meant. */
function malformedReason(written: string, name: string, known: readonly string[]): string {
  if (name === '') return `Unexpected empty \`${written}\`, expected a variable name inside, such as ${knownList(known.slice(0, 1))}`;
  // `company.name` and `app-name`: the defined name they start with, or the closest one.
  const prefix = /^[A-Za-z][A-Za-z0-9_]*/.exec(name)?.[0];
  const camel = name.replace(/[-.\s]+([A-Za-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  const suggestion = [camel, prefix].find((candidate) => candidate && known.includes(candidate)) ?? closest(camel, known);
  return `Unexpected \`${written}\`: a variable name is letters, digits and \`_\` (no \`-\`, \`.\` or spaces), one of ${knownList(known)}${suggestion ? `. Did you mean \`{{${suggestion}}}\`?` : ''}`;
}

function knownList(known: readonly string[]): string {
  return known.map((each) => `\`{{${each}}}\``).join(', ') || 'the variables in site.yaml';
}
