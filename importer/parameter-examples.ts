// The example a parameter states, as the value its type sends.
import { isObject } from './documents.js';

type Node = Record<string, unknown>;

export const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The first stated example of the parameter that fits its type: the parameter's, its first named one, the schema's. */
export function exampleOf(node: Node, schema: Node, type: string): string | number | boolean | undefined {
  const firstExample = isObject(node.examples) ? Object.values(node.examples).find(isObject)?.value : undefined;
  const schemaExamples = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  for (const candidate of [node.example, firstExample, schema.example, schemaExamples, node['x-example']]) {
    if (type === 'integer' && Number.isInteger(candidate)) return candidate as number;
    if (type === 'boolean' && (typeof candidate === 'boolean' || candidate === 'true' || candidate === 'false')) return String(candidate) === 'true';
    if (type === 'string' && isScalar(candidate)) return String(candidate);
  }
  return undefined;
}
