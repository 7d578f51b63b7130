// The official Postman Collection v2.1.0 JSON Schema (vendored from postmanlabs/schemas,
// Apache-2.0, see tests/fixtures/postman-collection-schema-v2.1.0/LICENSE.md), merged from its
// split sources into one validator.
import { Ajv } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = 'tests/fixtures/postman-collection-schema-v2.1.0';

function readCommented(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return JSON.parse(text) as Record<string, unknown>;
}

export function postmanSchemaValidator() {
  const root = readCommented(join(DIR, 'collection.json'));
  const definitions: Record<string, unknown> = {};
  for (const file of readdirSync(join(DIR, 'collection'))) {
    const { $id: _id, ...definition } = readCommented(join(DIR, 'collection', file));
    definitions[file.replace(/\.json$/, '')] = definition;
  }
  const { $id: _rootId, ...schema } = root;
  return new Ajv({ strict: false, allErrors: true }).compile({ ...schema, definitions });
}
