// The GitHub workflow `init` writes: the contract against the embedded server on every push and
// pull request, against the real API on a schedule (settings from the repository's variables and
// secrets). It runs the composite action the installed package ships (its action.yml), so the
// action's version is the one the project's lock file pins.
import { settingNames } from '../../contract/target.js';
import type { ApiModel } from '../../model/model.js';

export const WORKFLOW_FILE = '.github/workflows/oauth-contract-kit.yml';

export function consumerWorkflow(model: ApiModel, reports: string): string {
  const names = settingNames(model);
  const variables = [names.baseUrl, ...Object.values(names.pathVariables), names.clientId, names.environment];
  const settings = [
    ...variables.map((name) => `          ${name}: \${{ vars.${name} }}`),
    `          ${names.clientSecret}: \${{ secrets.${names.clientSecret} }}`,
  ].join('\n');
  const job = (environment: 'embedded' | 'real') => `    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # installs the kit at the version package-lock.json pins (its action.yml comes with it)
      - run: npm ci
      - uses: ./node_modules/oauth-contract-kit
        with:
          environment: ${environment}
          reports: ${reports}
          artifact-name: contract-reports-${environment}${environment === 'real' ? `\n          env-prefix: ${model.info.envPrefix}` : ''}`;
  return `# Written by \`oauth-contract-kit init\`. The contract suite against the embedded reference server
# on every push and pull request, and against the real ${model.info.name} every night.
# The real run reads its settings from this repository's variables and secrets (Settings >
# Secrets and variables > Actions): it fails, rather than testing the embedded server, when
# ${names.baseUrl} is not set.
name: contract

on:
  push:
  pull_request:
  schedule:
    - cron: "17 3 * * *"
  workflow_dispatch:

permissions:
  contents: read
  # the JUnit report is published as a check run
  checks: write

jobs:
  embedded:
    if: github.event_name != 'schedule'
    runs-on: ubuntu-latest
${job('embedded')}

  real-api:
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    # An environment with required reviewers keeps the secret away from pull requests.
    environment: ${model.info.id}-real
${job('real')}
        env:
${settings}
`;
}
