// A documented write request skips itself when the environment says this is a contract run
// (`contractRun: on`), with the script API Insomnia documents (insomnia.environment, insomnia.execution).
import { isReadOnly, type Endpoint } from '../../model/model.js';
import { SCRIPT_VARIABLES } from '../../model/script-variables.js';
import { jsLiteral } from '../shared/js-literal.js';
import { writeSkipNote } from '../shared/write-requests.js';

export function writeSkipScript(endpoint: Endpoint): { preRequest?: string } {
  if (isReadOnly(endpoint)) return {};
  const name = jsLiteral(SCRIPT_VARIABLES.contractRun);
  return {
    preRequest: [
      `if (insomnia.environment.get(${name}) === 'on' || insomnia.baseEnvironment.get(${name}) === 'on') {`,
      `  console.log(${jsLiteral(writeSkipNote(endpoint))});`,
      '  insomnia.execution.skipRequest();',
      '}',
    ].join('\n'),
  };
}
