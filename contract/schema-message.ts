// newman's jsonSchema assertion lists every Ajv error in one line: a wrong type in a list of 25
// devices is a 26-item wall. The message keeps the first few; the full list goes in `details`.
const SCHEMA_ERRORS = /^expected data to satisfy schema but found following errors:\s*/;
const SHOWN = 3;

export function shortSchemaMessage(message: string): { message: string; details?: string[] } {
  const head = SCHEMA_ERRORS.exec(message);
  if (!head) return { message };
  const errors = message
    .slice(head[0].length)
    .split(/, (?=data\b)/)
    .map((e) => e.trim())
    .filter(Boolean);
  if (errors.length <= SHOWN) return { message: `the body does not match the schema: ${errors.join('; ')}` };
  const shown = errors.slice(0, SHOWN).join('; ');
  return { message: `the body does not match the schema (${errors.length} errors): ${shown}; and ${errors.length - SHOWN} more`, details: errors };
}
