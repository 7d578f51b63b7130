export function shortSchemaMessage(message: string): { message: string; details?: string[] } {
  return { message };
}
