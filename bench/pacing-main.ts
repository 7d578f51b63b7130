// The pacing section on its own: `npm run bench:pacing [-- --before <commit>]`. Measures, prints
// the section and puts it into bench/RESULTS.md in place of the one there (or at its end).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBaseline } from './baseline.js';
import { PACING_TITLE, pacingRows, pacingSection } from './pacing.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** Replaces the `## <title>` section of `text` (up to the next `## `), or appends it. */
export function withSection(text: string, title: string, markdown: string): string {
  const start = text.indexOf(`## ${title}`);
  if (start < 0) return `${text.trimEnd()}\n\n${markdown}\n`;
  const next = text.indexOf('\n## ', start + 1);
  return `${text.slice(0, start)}${markdown}\n${next < 0 ? '' : text.slice(next)}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { before: { type: 'string' } } });
  const log = (s: string) => console.log(s);
  const before = values.before ? await createBaseline(ROOT, values.before, log, false) : undefined;
  try {
    const markdown = pacingSection(await pacingRows(ROOT, before, log));
    console.log(`\n${markdown}\n`);
    const file = join(ROOT, 'bench/RESULTS.md');
    writeFileSync(
      file,
      withSection(
        readFileSync(file, 'utf8'),
        PACING_TITLE,
        `${markdown}\n\nCommand: \`npm run bench:pacing${values.before ? ` -- --before ${values.before}` : ''}\`, ${new Date().toISOString()}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} logical cores at the end.\n`,
      ),
    );
    log('wrote the section into bench/RESULTS.md');
  } finally {
    await before?.remove();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:pacing: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
