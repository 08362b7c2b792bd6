/** `npm run schemas`: writes schemas/*.schema.json from the Zod schemas. A test fails when they are out of date. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { contentSchemaNames, jsonSchemaFileName, jsonSchemaFor, manifestJsonSchema } from '../schema/json-schema.ts';
import { projectRoot } from './args.ts';
import { parseCommand } from './command.ts';

parseCommand({ command: 'npm run schemas --', summary: 'Writes schemas/*.schema.json from the Zod schemas. A test fails when they are out of date.' });

for (const name of contentSchemaNames) {
  const file = path.join(projectRoot, 'schemas', jsonSchemaFileName(name));
  await writeFile(file, jsonSchemaFor(name));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
const manifest = path.join(projectRoot, 'schemas', 'policies.schema.json');
await writeFile(manifest, manifestJsonSchema());
console.log(`wrote ${path.relative(process.cwd(), manifest)}`);
