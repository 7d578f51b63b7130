// A path parameter every imported path starts with (`/{projectKey}/...`): a resource base path is a
// fixed value in every client (the `<id>Path` variable), so the parameter cannot stay a `{name}`
// there. It is written into each base path as a value to set (its example, default or first enum
// value, else its name), and the endpoints no longer take it as a parameter.
import type { ImportContext } from './context.js';
import type { EndpointDraft } from './operations.js';

export interface SharedPathParam {
  name: string;
  value: string;
}

const LEADING_PARAM = /^\/\{([^{}/]+)\}(?=\/|$)/;

/** The parameter every draft's path starts with, when they all start with the same one. */
export function sharedLeadingParam(ctx: ImportContext, drafts: readonly EndpointDraft[]): SharedPathParam | undefined {
  const names = new Set(drafts.map((d) => LEADING_PARAM.exec(d.endpoint.path)?.[1]));
  const [name] = names;
  if (drafts.length === 0 || names.size !== 1 || name === undefined) return undefined;
  const param = drafts[0]!.endpoint.pathParams?.find((p) => p.name === name);
  // The example a path parameter without one was given is a guess, not a value worth keeping.
  const guessed = ctx.report.guesses.some((g) => g.includes(guessMarker(name)));
  const stated = param && (guessed ? undefined : (param.example ?? param.default ?? param.enum?.[0]));
  return { name, value: typeof stated === 'string' || typeof stated === 'number' ? encodeURIComponent(String(stated)) : name };
}

const guessMarker = (name: string) => `path parameter \`${name}\` has no example;`;

/** The draft's path without the shared parameter, which it no longer declares. */
export function dropSharedParam(draft: EndpointDraft, shared: SharedPathParam): void {
  const endpoint = draft.endpoint;
  endpoint.path = endpoint.path.slice(`/{${shared.name}}`.length);
  const rest = endpoint.pathParams?.filter((p) => p.name !== shared.name) ?? [];
  if (rest.length) endpoint.pathParams = rest;
  else delete endpoint.pathParams;
}

export function reportSharedParam(ctx: ImportContext, shared: SharedPathParam): void {
  ctx.report.guesses = ctx.report.guesses.filter((g) => !g.includes(guessMarker(shared.name)));
  ctx.report.unknowns.push(
    `Every path starts with the path parameter \`{${shared.name}}\`; each resource's base path holds it as \`${shared.value}\`: set your own value in each resource path variable (or an environment's \`resourcePaths\`).`,
  );
}
