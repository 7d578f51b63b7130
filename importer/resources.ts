// Endpoint drafts -> resources: grouped by the first segment of their path below the server, the
// resource's base path being the server's path plus that segment (after a path parameter every
// path starts with, written as a value: see shared-path-param.ts).
import type { ImportContext } from './context.js';
import type { ResourceFacts } from './kit-facts.js';
import { camelIdentifier, type NameBook, text } from './names.js';
import type { EndpointDraft } from './operations.js';
import { dropSharedParam, reportSharedParam, sharedLeadingParam } from './shared-path-param.js';

export interface ResourceDraft {
  id: string;
  name: string;
  basePath: string;
  endpoints: EndpointDraft[];
  /** Stated by the operations' tag (`x-resource`): its endpoints' list and fetch-one shapes are stated too, never guessed. */
  stated?: ResourceFacts;
}

export function groupResources(
  ctx: ImportContext,
  drafts: EndpointDraft[],
  serverBase: string,
  ids: NameBook,
  stated: Map<string, ResourceFacts>,
): ResourceDraft[] {
  const bySegment = new Map<string, ResourceDraft>();
  const byTag = new Map<string, ResourceDraft>();
  const plain: EndpointDraft[] = [];
  for (const draft of drafts) {
    const facts = draft.tag === undefined ? undefined : stated.get(draft.tag);
    if (facts && draft.endpoint.path.startsWith(facts.pathPrefix)) {
      statedResource(byTag, facts, ids).endpoints.push(draft);
      draft.endpoint.path = draft.endpoint.path.slice(facts.pathPrefix.length);
    } else plain.push(draft);
  }
  const shared = sharedLeadingParam(ctx, plain);
  if (shared) reportSharedParam(ctx, shared);
  const base = shared ? `${serverBase}/${shared.value}` : serverBase;
  for (const draft of plain) {
    if (shared) dropSharedParam(draft, shared);
    const segment = /^\/([^/]*)/.exec(draft.endpoint.path)?.[1] ?? '';
    if (shared && draft.endpoint.path === '') {
      resourceOf(bySegment, '', shared.name, base, ids).endpoints.push(draft);
      continue;
    }
    if (segment === '' || segment.includes('{')) {
      moveToSkipped(
        ctx,
        draft,
        segment === ''
          ? 'is the server root, which a resource base path cannot be'
          : 'starts with a path parameter, which a resource base path cannot hold yet',
      );
      continue;
    }
    draft.endpoint.path = draft.endpoint.path.slice(segment.length + 1);
    resourceOf(bySegment, segment, segment, `${base}/${segment}`, ids).endpoints.push(draft);
  }
  return [...byTag.values(), ...bySegment.values()];
}

/** The resource of a path's first segment (`''`: the shared parameter's own path), made on first use. */
function resourceOf(bySegment: Map<string, ResourceDraft>, segment: string, name: string, basePath: string, ids: NameBook): ResourceDraft {
  const known = bySegment.get(segment);
  if (known) return known;
  const resource = { id: ids.claim(name, camelIdentifier(name, 'r')), name: text(name.replace(/[-_]+/g, ' '), name), basePath, endpoints: [] };
  bySegment.set(segment, resource);
  return resource;
}

function statedResource(byTag: Map<string, ResourceDraft>, facts: ResourceFacts, ids: NameBook): ResourceDraft {
  const known = byTag.get(facts.name);
  if (known) return known;
  const resource = { id: ids.claim(facts.id, camelIdentifier(facts.id, 'r')), name: facts.name, basePath: facts.basePath, endpoints: [], stated: facts };
  byTag.set(facts.name, resource);
  return resource;
}

function moveToSkipped(ctx: ImportContext, draft: EndpointDraft, reason: string): void {
  const kept = ctx.report.kept.findIndex((k) => k.id === draft.endpoint.id);
  const [op] = ctx.report.kept.splice(kept, 1);
  if (op) ctx.report.skipped.push({ method: op.method, path: op.path, reason });
}
