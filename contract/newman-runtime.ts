// newman's own postman-runtime, resolved from newman: where a project holds another
// postman-runtime (or a strict layout such as pnpm's hides newman's), the kit's own lookup would
// patch the wrong copy. Every patch of the runtime (response-limit.ts, answer-deadline.ts) loads
// its modules through here, on first use: loading postman-runtime takes about half a second,
// which every command importing a constant of those files (generate, import) would pay.
import { createRequire } from 'node:module';

const fromNewman = createRequire(createRequire(import.meta.url).resolve('newman'));

/** `id` (a module of newman's tree) loaded on the first call, the same object after. */
export function newmanModule<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= fromNewman(id) as T;
    return loaded;
  };
}
