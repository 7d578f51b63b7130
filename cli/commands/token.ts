import { Command } from 'commander';
import { sendsInClear, settingNames, settleTokenTarget, where, type Credentials, type Settings } from '../../contract/target.js';
import type { ApiModel } from '../../model/model.js';
import type { GenerateContext } from '../../generators/types.js';
import { CliError } from '../errors.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { DEFAULT_SPEC, readSpec } from '../read-spec.js';
import { requestToken } from '../token-request.js';
import { readCommandSettings, insecureHttpWarning } from '../settings.js';
import { settingsHelpText } from '../settings-help.js';

export interface TokenOptions {
  spec: string;
  dotenv?: string;
  allowInsecureHttp: boolean;
}

const EXIT_HELP = `
Exit codes:
  0  a token was printed
  1  the token endpoint broke the contract: a 5xx, a 2xx without a token, an
     answer over 64 KiB
  2  the request could not be made: bad description or settings, missing file,
     unreachable host, credentials refused (a 4xx), a redirect (not followed)
`;

export function tokenCommand(io: CliIO, _ctx: GenerateContext, done: (code: ExitCode) => void): Command {
  return new Command('token')
    .description(
      'fetch an access token and print only the token. Credentials come from <PREFIX>_CLIENT_ID, ' +
        '<PREFIX>_CLIENT_SECRET and one <PREFIX>_<NAME> per token-path variable (environment or .env); without a ' +
        'secret it asks for it on the terminal without echo. <PREFIX>_BASE_URL or <PREFIX>_ENVIRONMENT picks the API. ' +
        "The prefix is the description's info.envPrefix; the settings below are named for --spec.",
    )
    .option('--spec <file>', 'the API description', DEFAULT_SPEC)
    .option('--dotenv <file>', 'a dotenv file with <PREFIX>_* settings; must exist when named (default: .env, when present)')
    .option('--allow-insecure-http', 'allow an http:// base URL to a host that is not loopback (the secret travels in clear)', false)
    .addHelpText('after', settingsHelpText(io, EXIT_HELP))
    .action(async (options: TokenOptions) => done(await runToken(options, io)));
}

export async function runToken(options: TokenOptions, io: CliIO): Promise<ExitCode> {
  const model = readSpec(options.spec, io.cwd);
  const credentials = await settleCredentials(model, readCommandSettings(io, options.dotenv), options, io);
  const outcome = await requestToken(model, credentials);
  if (!outcome.ok) {
    io.stderr(`token request failed: ${outcome.message}\n`);
    return outcome.cause === 'setup' ? EXIT.badInput : EXIT.findings;
  }
  io.stdout(`${outcome.token}\n`);
  return EXIT.ok;
}

async function settleCredentials(model: ApiModel, settings: Settings, options: TokenOptions, io: CliIO): Promise<Credentials> {
  const target = settleTokenTarget(model, settings, options);
  if (sendsInClear(target.baseUrl)) io.stderr(insecureHttpWarning(target.baseUrl));
  const { clientSecret } = settingNames(model);
  let secret = settings.vars[clientSecret]?.value;
  if (!secret) {
    if (!io.interactive || !io.readSecret) throw new CliError(`set ${clientSecret} ${where(settings)}, or run on a terminal to be asked for it`);
    secret = await io.readSecret(`Client secret for ${target.clientId}: `);
    if (!secret) throw new CliError('no client secret entered');
  }
  return { ...target, clientSecret: secret };
}
