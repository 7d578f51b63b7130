// Adds Sites and Device Sources to a description file, in place (see more-resources.ts):
//   npx tsx scripts/add-resources.ts spec/securithings.yaml && npm run generate && npm test && npm start
import { readFileSync, writeFileSync } from 'node:fs';
import { withMoreResources } from './more-resources.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: tsx scripts/add-resources.ts <description.yaml>');
  process.exitCode = 2;
} else {
  writeFileSync(file, withMoreResources(readFileSync(file, 'utf8')));
  console.log(`added Sites and Device Sources to ${file}`);
}
