// The headers the description documents on a data request: each must arrive, with its fixed
// value, or any non-empty value where the description writes a `{variable}`.
import type { Endpoint } from '../model/model.js';
import { fillTemplate } from '../model/urls.js';
import { ApiError } from './errors.js';

export function checkHeaders(endpoint: Endpoint, headers: Record<string, string | string[] | undefined>): void {
  for (const [name, template] of Object.entries(endpoint.headers)) {
    const got = headers[name.toLowerCase()];
    if (typeof got !== 'string' || !matcher(template).test(got))
      throw new ApiError(400, 'invalid_request', `header \`${name}\` must be ${/\{[^{}]*\}/.test(template) ? `\`${template}\` filled in` : `\`${template}\``}`);
  }
}

function matcher(template: string): RegExp {
  const marker = '\u0000';
  const escaped = fillTemplate(template, () => marker)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .split(marker)
    .join('.+');
  return new RegExp(`^${escaped}$`);
}
