// The token URL as the format holds it: a path below each environment's base URL, or below its
// `tokenBaseUrl` when the document puts the token endpoint on another (named) host than the API.
// A relative URL is resolved against the server; `{x}` in the path stays a token-path variable; a
// placeholder or variable token host is marked, and the token request goes to the environment's
// own host, never to a placeholder.
import { isPlaceholderHost, type Server } from './servers.js';

export interface TokenPath {
  path: string;
  /** Sentences for `unknowns` and the report. */
  unknowns: string[];
  /** What was done that the document states (a relative URL resolved). */
  notes: string[];
  /** `https://host[:port]` of the token endpoint, when it is another host than the API's. */
  tokenOrigin?: string;
}

const ABSOLUTE = /^(https?):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i;

export function tokenPath(tokenUrl: string, servers: readonly Server[]): TokenPath | string {
  const unknowns: string[] = [];
  const absolute = ABSOLUTE.exec(tokenUrl);
  if (absolute) {
    const host = absolute[2]!;
    const path = absolute[3] || '/';
    if (absolute[4]) unknowns.push(`The token URL carries a query (\`${absolute[4]}\`), which the format cannot send; it was left out.`);
    const origins = servers.filter((s) => s.origin).map((s) => s.origin!.replace(/^https?:\/\//, ''));
    if (isPlaceholderHost(host)) {
      unknowns.push(
        `The token URL's host \`${host}\` is a placeholder or a variable, which the format cannot express yet: the token request goes to each environment's base URL + \`${path}\`. Check where your tenant's token endpoint is before a run against a real API.`,
      );
    } else if (!origins.includes(host)) {
      const tokenOrigin = `${absolute[1]!.toLowerCase()}://${host}`;
      const note = `the token endpoint is on \`${host}\`, another host than the API${origins.length ? ` (${origins.join(', ')})` : ''}: every environment but the local one sends the token request to \`${tokenOrigin}\` (\`tokenBaseUrl\`)`;
      return { path, unknowns, notes: [note], tokenOrigin };
    }
    return { path, unknowns, notes: [] };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(tokenUrl)) return `the token URL \`${tokenUrl}\` is neither http(s) nor relative`;
  const relative = tokenUrl.replace(/[?#].*$/, '');
  const paths = [
    ...new Set((servers.length ? servers : [{ basePath: '' } as Server]).map((s) => (relative.startsWith('/') ? relative : `${s.basePath}/${relative}`))),
  ];
  if (paths.length > 1)
    unknowns.push(`The relative token URL \`${tokenUrl}\` resolves to different paths on different servers (${paths.join(', ')}); the first is used.`);
  return { path: paths[0]!, unknowns, notes: [`the relative token URL \`${tokenUrl}\` resolved against the server to \`${paths[0]}\``] };
}
