import { Command } from 'commander';
import { settingNames, settleTokenTarget, type Credentials } from '../../contract/target.js';
import type { ApiModel } from '../../model/model.js';
import type { GenerateContext } from '../../generators/types.js';
import { CliError } from '../errors.js';
import { readSettings } from '../env-file.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { DEFAULT_SPEC, readSpec } from '../read-spec.js';
import { requestToken } from '../token-request.js';

export interface TokenOptions {
  spec: string;
  dotenv: string;
}

export function tokenCommand(io: CliIO, _ctx: GenerateContext, done: (code: ExitCode) => void): Command {
  return new Command('token')
    .description(
      'fetch an access token and print only the token. Credentials come from <PREFIX>_CLIENT_ID,\n' +
        '<PREFIX>_CLIENT_SECRET and one <PREFIX>_<NAME> per token-path variable (environment or .env); without a\n' +
        'secret it asks for it on the terminal without echo. <PREFIX>_BASE_URL or <PREFIX>_ENVIRONMENT picks the API.\n' +
        'The prefix is the description\'s info.envPrefix: SECURITHINGS_ (SECURITHINGS_ORGANIZATION, ...) for the shipped one.',
    )
    .option('--spec <file>', 'the API description', DEFAULT_SPEC)
    .option('--dotenv <file>', 'a dotenv file with the <PREFIX>_* settings', '.env')
    .action(async (options: TokenOptions) => done(await runToken(options, io)));
}

export async function runToken(options: TokenOptions, io: CliIO): Promise<ExitCode> {
  const model = readSpec(options.spec, io.cwd);
  const credentials = await settleCredentials(model, readSettings(io.env, io.cwd, options.dotenv), io);
  const outcome = await requestToken(model, credentials);
  if (!outcome.ok) {
    io.stderr(`token request failed: ${outcome.message}\n`);
    return EXIT.findings;
  }
  io.stdout(`${outcome.token}\n`);
  return EXIT.ok;
}

async function settleCredentials(model: ApiModel, vars: Record<string, string | undefined>, io: CliIO): Promise<Credentials> {
  const target = settleTokenTarget(model, vars);
  const { clientSecret } = settingNames(model);
  let secret = vars[clientSecret];
  if (!secret) {
    if (!io.interactive || !io.readSecret) throw new CliError(`set ${clientSecret} (in the environment or .env), or run on a terminal to be asked for it`);
    secret = await io.readSecret(`Client secret for ${target.clientId}: `);
    if (!secret) throw new CliError('no client secret entered');
  }
  return { ...target, clientSecret: secret };
}
