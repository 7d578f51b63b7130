// The OpenAPI 3.1 document as a plain object.
import type { ApiModel } from '../../model/model.js';
import { paths } from './paths.js';
import { componentResponses } from './responses.js';
import { componentSchemas } from './schemas.js';
import { contractFacts, resourceFacts } from './kit-facts.js';
import { OAUTH2, scopesOf, securitySchemes } from './security.js';
import { resourcePathKey, resourceServers, servers } from './servers.js';

export const OPENAPI_VERSION = '3.1.0';
/** Starts the note on moved resources appended to the description (the importer leaves it out again). */
export const SERVERS_NOTE = '**Servers.** One per environment.';

/** What a reader needs to know about environments whose paths differ. */
function serverNotes(model: ApiModel): string[] {
  return model.resources
    .filter((resource) => resourceServers(model, resource))
    .map((resource) => {
      const moved = model.environments.filter((env) => env.resourcePaths[resource.id]! !== resource.basePath);
      const where = moved.map((env) => `${env.name} serves them under \`${env.resourcePaths[resource.id]}\``).join('; ');
      return `- ${resource.name}: production serves them under \`${resource.basePath}\`; ${where}. Their paths therefore carry only the shared part, and each path lists its own servers (one per environment) holding the rest.`;
    });
}

function description(model: ApiModel): string {
  const notes = serverNotes(model);
  return [model.info.description.trim(), ...(notes.length > 0 ? ['', `${SERVERS_NOTE} Where an environment moves a resource:`, ...notes] : [])].join('\n');
}

export function openapiDocument(model: ApiModel): Record<string, unknown> {
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: model.info.name,
      version: model.info.version,
      description: description(model),
      'x-id': model.info.id,
      'x-env-prefix': model.info.envPrefix,
      'x-unknowns': [...model.unknowns],
    },
    externalDocs: { url: model.info.docs },
    servers: servers(model),
    security: [{ [OAUTH2]: scopesOf(model.auth) }],
    tags: [
      { name: 'Authentication', description: 'OAuth 2.0 client credentials.' },
      ...model.resources.map((resource) => ({
        name: resource.name,
        description: resource.description.trim(),
        ...resourceFacts(resource, resourcePathKey(model, resource)),
      })),
    ],
    paths: paths(model),
    components: { schemas: componentSchemas(model), responses: componentResponses(model), securitySchemes: securitySchemes(model) },
    ...contractFacts(model),
  };
}
