// newman's sandbox validates with Ajv 6, which looks a property up in its `required` list as a plain
// object: a property named `hasOwnProperty` or `toString` counts as required whenever the schema
// requires anything. Such a schema gets its `required` moved into an `allOf` of its own (the same
// meaning, and Ajv 6 then checks each listed name alone); every other schema is left as written.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function sandboxSchema<T>(node: T): T {
  if (Array.isArray(node)) return node.map(sandboxSchema) as T;
  if (!isObject(node)) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = sandboxSchema(value);
  if (!Array.isArray(copy.required) || !isObject(copy.properties) || !Object.keys(copy.properties).some((name) => name in Object.prototype)) return copy as T;
  const { required, ...rest } = copy;
  return { ...rest, allOf: [...(Array.isArray(rest.allOf) ? rest.allOf : []), { required }] } as T;
}
