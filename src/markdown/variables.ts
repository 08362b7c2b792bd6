/**
 * `{{name}}` placeholders: values written once in site.yaml (company name,
 * app name, contact details) and used everywhere in text.
 */
import { closest } from '../messages/suggest.ts';

/** Matches `{{name}}`, with optional spaces inside the braces. */
export const variablePattern = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export interface MissingVariable {
  name: string;
  /** Index of the placeholder in the input string. */
  index: number;
}

/** The message for an unknown `{{name}}`: what is defined, and the likely intended name. */
export function undefinedVariableReason(name: string, variables: Readonly<Record<string, string>>): string {
  const known = Object.keys(variables);
  const suggestion = closest(name, known);
  return `Undefined variable \`{{${name}}}\`, expected one of ${known.map((each) => `\`{{${each}}}\``).join(', ') || 'the variables in site.yaml'}${suggestion ? `. Did you mean \`{{${suggestion}}}\`?` : ''}`;
}

/** Replaces every known `{{name}}` in `value`; unknown names are left as written and returned. */
export function replaceVariables(value: string, variables: Readonly<Record<string, string>>): { value: string; missing: MissingVariable[] } {
  const missing: MissingVariable[] = [];
  const replaced = value.replace(variablePattern, (placeholder, name: string, index: number) => {
    if (Object.hasOwn(variables, name)) return variables[name] as string;
    missing.push({ name, index });
    return placeholder;
  });
  return { value: replaced, missing };
}
