// Bundles the compiled CLI (dist/) into dist/bundle/, the only program the package ships: a start
// loads a handful of files instead of a few hundred (`generate` on the shipped spec goes from
// ~205 ms to ~145 ms), and every library but newman is inside, so an install fetches newman's
// tree and nothing else. That keeps fastify's light-my-request, whose newest release needs
// cookie@2 and Node >= 22, out of a consumer's tree: the copy bundled here is the one the
// repository's lock pins. Code split by dynamic import (the server, the contract run) stays in
// chunks of its own, loaded only by `contract` and `mock`.
// newman stays outside, installed: contract/response-limit.ts patches the postman-runtime that
// newman itself loads (resolved from newman), and newman's sandbox reads files of its own.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

// The validators compiled ahead of time (loader/validators/*.generated) load ajv's runtime helpers
// through a require() of their own, made with createRequire, which esbuild cannot follow: the
// installed package has no ajv to find. Without that line their require() calls are plain ones,
// and esbuild bundles what they name.
const OWN_REQUIRE = /^import \{ createRequire \} from 'node:module';\nconst require = createRequire\(import\.meta\.url\);\n/m;
const validatorsRequire = {
  name: 'validators-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]validators[\\/][^\\/]+\.generated\.js$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!OWN_REQUIRE.test(text))
        throw new Error(`${path}: no createRequire line to drop; scripts/bundle.mjs must follow how scripts/validator-sources.ts writes it`);
      return { contents: text.replace(OWN_REQUIRE, ''), loader: 'js' };
    });
  },
};

// esbuild adds to its outdir; chunks of an earlier build would ship too
await rm('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['dist/cli/bin.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['newman'],
  // bundled CommonJS packages call require(); give the ES module bundle a real one
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [validatorsRequire],
  logLevel: 'warning',
});
