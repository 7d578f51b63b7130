// Variables that endpoints capture from their answers (`capture: {deviceId: devices[0].id}`).

export interface Capture<E> {
  endpoint: E;
  path: string;
}

/**
 * Every captured variable, in the order the spec first captures it, with the first endpoint that
 * captures it and where from in its answer. One pass over the endpoints: callers compute it once
 * and look variables up in the map. Takes the loaded model or the raw description alike.
 */
export function capturedVariables<E extends { capture?: Record<string, string> }>(spec: {
  resources: readonly { endpoints: readonly E[] }[];
}): Map<string, Capture<E>> {
  const captures = new Map<string, Capture<E>>();
  for (const resource of spec.resources) {
    for (const endpoint of resource.endpoints) {
      for (const [name, path] of Object.entries(endpoint.capture ?? {})) if (!captures.has(name)) captures.set(name, { endpoint, path });
    }
  }
  return captures;
}
