// An OpenAPI document's text imported in process, as `import` does from a file (no other file
// is read): the description and the import report, and (importText) the description as written
// (YAML) and as loaded.
import { stringify } from 'yaml';
import { Documents, importOpenApi, type ImportOptions } from '../../importer/index.js';
import { loadSpec } from '../../loader/index.js';
import { readYaml } from '../../loader/read-yaml.js';

export function importDescription(text: string, options: ImportOptions = {}, name = 'api.yaml') {
  const read = readYaml(new TextEncoder().encode(text), name);
  if (!('data' in read)) throw new Error(`${name} does not read: ${read.message}`);
  const docs = new Documents(
    name,
    () => read,
    () => undefined,
  );
  return importOpenApi(docs, options);
}

export function importText(text: string, options: ImportOptions = {}, name = 'api.yaml') {
  const { description, report } = importDescription(text, options, name);
  const yaml = stringify(description, { lineWidth: 0 });
  return { description, report, yaml, model: loadSpec(new TextEncoder().encode(yaml), `${name} (imported)`) };
}
