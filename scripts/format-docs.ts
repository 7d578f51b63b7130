// Writes docs/format.md, the reference page of the description format, from spec/format.schema.json:
//   npm run docs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FORMAT_REFERENCE_PATH, formatReference } from './format-reference.js';

const content = formatReference();
mkdirSync(dirname(FORMAT_REFERENCE_PATH), { recursive: true });
writeFileSync(FORMAT_REFERENCE_PATH, content);
console.log(`wrote ${FORMAT_REFERENCE_PATH} (${content.length} bytes)`);
