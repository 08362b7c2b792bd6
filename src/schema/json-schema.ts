/**
 * JSON Schema for editors, generated from the Zod schemas (the one source of
 * truth). Content files name theirs in a first-line comment that the VS Code
 * YAML extension reads: `# yaml-language-server: $schema=…`.
 */
import { z } from 'zod';
import { contentSchemas, type ContentSchemaName } from './index.ts';
import { manifestSchema } from './manifest.ts';

/** A schema as a draft-07 JSON Schema file. `input` describes what people write (defaults optional), `output` what programs read. */
function toJsonSchemaFile(schema: z.ZodType, title: string, io: 'input' | 'output'): string {
  const json = z.toJSONSchema(schema, { target: 'draft-07', io, unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, title }, null, 2)}\n`;
}

export function jsonSchemaFor(name: ContentSchemaName): string {
  const { schema, title } = contentSchemas[name];
  return toJsonSchemaFile(schema, title, 'input');
}

/** File name of each schema in `schemas/`. */
export function jsonSchemaFileName(name: ContentSchemaName): string {
  return `${name}.schema.json`;
}

export const contentSchemaNames = Object.keys(contentSchemas) as ContentSchemaName[];

/** The JSON Schema of /policies.json, for app developers (schemas/policies.schema.json). */
export function manifestJsonSchema(): string {
  return toJsonSchemaFile(manifestSchema, 'Policy manifest (/policies.json)', 'output');
}
