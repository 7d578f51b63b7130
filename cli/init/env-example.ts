// The .env.example `init` writes: every setting of the description, empty, so that copied as it is
// the contract runs against the embedded server (the shape of this repository's own .env.example).
import { settingNames } from '../../contract/target.js';
import type { ApiModel } from '../../model/model.js';

export function envExample(model: ApiModel): string {
  const names = settingNames(model);
  const environments = model.environments.map((e) => e.id).join(', ');
  return [
    '# Copy to .env (git-ignored) and `chmod 600 .env`. Read by `npx oauth-contract-kit contract` and',
    '# `token`; a variable set in the environment wins over this file.',
    '#',
    '# As copied, nothing is set and the contract runs against the embedded reference server.',
    '# To test the real API, set its base URL and the credentials its owner issued.',
    `# An unquoted # starts a comment, so quote any value that holds one: ${names.clientSecret}="a#b"`,
    `${names.baseUrl}=`,
    ...Object.values(names.pathVariables).map((name) => `${name}=`),
    `${names.clientId}=`,
    `${names.clientSecret}=`,
    `# Optional: ${environments} (picks the environment; for \`token\` without a base URL, the host).`,
    `${names.environment}=`,
    '',
  ].join('\n');
}
