// Writes the ahead-of-time compiled validators (run after changing spec/format.schema.json):
//   npm run compile-validators
import { writeFileSync } from 'node:fs';
import { validatorSources } from './validator-sources.js';

for (const { path, content } of validatorSources()) {
  writeFileSync(path, content);
  console.log(`wrote ${path} (${content.length} bytes)`);
}
