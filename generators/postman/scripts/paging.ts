// The two-page walk (generators/shared/page-script.ts) in Postman's script API.
import type { ScriptApi } from '../../shared/page-script.js';

export const POSTMAN_SCRIPT_API: ScriptApi = {
  header: (name) => `pm.response.headers.get(${name})`,
  get: (name) => `pm.collectionVariables.get(${name})`,
  set: (name, value) => `pm.collectionVariables.set(${name}, ${value})`,
  interpolate: (template) => `pm.variables.replaceIn(${template})`,
  skip: 'pm.execution.skipRequest();',
};
