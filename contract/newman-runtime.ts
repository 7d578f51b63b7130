// newman's own postman-runtime, resolved from newman: where a project holds another
// postman-runtime (or a strict layout such as pnpm's hides newman's), the kit's own lookup would
// patch the wrong copy. Every patch of the runtime (response-limit.ts, answer-deadline.ts) loads
// its modules through here.
import { createRequire } from 'node:module';

export const fromNewman = createRequire(createRequire(import.meta.url).resolve('newman'));
