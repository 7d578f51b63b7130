// An environment's resource paths name resources that exist.
import type { Report } from './diagnostics.js';
import type { RawSpec } from './raw.js';

export function checkResourcePaths(spec: RawSpec, report: Report): void {
  const ids = spec.resources.map((r) => r.id);
  spec.environments.forEach((env, i) => {
    for (const id of Object.keys(env.resourcePaths ?? {})) {
      if (!ids.includes(id))
        report('unknown-key', ['environments', i, 'resourcePaths', id], `no resource has the id \`${id}\`; resources: ${ids.join(', ')}`, 'key');
    }
  });
}
