// A document whose token URL is on another concrete host than its API (Microsoft identity platform for
// Graph: `login.microsoftonline.com` vs `graph.microsoft.com`): with one server, the imported environment
// takes that host as its token host (`tokenBaseUrl`) and the token request goes there, not to the API's
// host; with several servers, whose environments may each have their own token host, it stays an unknown.
import { describe, expect, it } from 'vitest';
import { importText } from '../support/import-text.js';

const TOKEN_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/token';

function document(servers: string[]) {
  return {
    openapi: '3.1.0',
    info: { title: 'Graph', version: 'v1' },
    servers: servers.map((url) => ({ url })),
    components: { securitySchemes: { cc: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: TOKEN_URL, scopes: {} } } } } },
    security: [{ cc: [] }],
    paths: { '/v1.0/users': { get: { operationId: 'listUsers', responses: { '200': { description: 'Users.' } } } } },
  };
}

function imported(servers: string[]) {
  const { model, report } = importText(JSON.stringify(document(servers)), {}, 'graph.json');
  return { model, report };
}

describe('a token URL on another host than the one API server', () => {
  it('becomes the environment token host: the token request goes to login.microsoftonline.com, not to the API', () => {
    const { model, report } = imported(['https://graph.microsoft.com']);
    expect(model.auth.path).toBe('/common/oauth2/v2.0/token');
    const production = model.environments.find((e) => e.baseUrl === 'https://graph.microsoft.com')!;
    expect(production.tokenBaseUrl).toBe('https://login.microsoftonline.com');
    expect(model.environments.find((e) => e.id === 'local')!.tokenBaseUrl).toBe('http://127.0.0.1:4010');
    expect(report.unknowns.join('\n')).not.toMatch(/another host/);
    expect(report.notes.join('\n')).toMatch(/login\.microsoftonline\.com.*tokenBaseUrl/);
  });

  it('with several servers stays an unknown: each environment keeps its own host, none gets a token host it was not given', () => {
    const { model, report } = imported(['https://graph.microsoft.com', 'https://graph.microsoft.us']);
    expect(model.environments.every((e) => e.tokenBaseUrl === e.baseUrl)).toBe(true);
    expect(report.unknowns.join('\n')).toMatch(/login\.microsoftonline\.com`, another host than the API/);
  });
});
