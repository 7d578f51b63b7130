// The settings block of `contract --help` and `token --help`, named for the description the
// command reads (`--spec`, else the default): PARCELS_BASE_URL for examples/parcel-tracker.yaml.
// When the description cannot be read, a generic <PREFIX>_* text.
import type { AddHelpTextContext } from 'commander';
import { settingNames } from '../contract/target.js';
import { defaultEnvironment, type ApiModel } from '../model/model.js';
import type { CliIO } from './io.js';
import { readSpec } from './read-spec.js';

/** For `addHelpText('after', ...)`: the settings of the command's `--spec`, then `more`. */
export function settingsHelpText(io: CliIO, more: string): (context: AddHelpTextContext) => string {
  return ({ command }) => `${settingsHelp(describedModel(command.opts<{ spec?: string }>().spec, io))}${more}`;
}

function describedModel(spec: string | undefined, io: CliIO): ApiModel | undefined {
  if (spec === undefined) return undefined;
  try {
    return readSpec(spec, io.cwd);
  } catch {
    return undefined; // the help still prints; the command itself reports the description's problems
  }
}

export function settingsHelp(model: ApiModel | undefined): string {
  const rows = model ? describedRows(model) : GENERIC_ROWS;
  const baseUrl = model ? settingNames(model).baseUrl : '<PREFIX>_BASE_URL';
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  return [
    '',
    'Settings (from the environment, else the dotenv file; never from arguments),',
    model ? `named for ${model.source} (info.envPrefix ${model.info.envPrefix}):` : "named by the description's info.envPrefix (<PREFIX>):",
    ...rows.map(([name, what]) => `  ${name.padEnd(width)}${what}`),
    `Without ${baseUrl} the run goes to the embedded reference server; a`,
    'credential set without it is refused (exit 2), so a misnamed setting never passes.',
    'In the dotenv file an unquoted # starts a comment: quote values that hold one.',
    '',
  ].join('\n');
}

function describedRows(model: ApiModel): [name: string, what: string][] {
  const names = settingNames(model);
  const ids = model.environments.map((e) => e.id);
  const choice = ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)}`;
  return [
    [names.baseUrl, `the API, e.g. ${defaultEnvironment(model).baseUrl}`],
    ...Object.entries(names.pathVariables).map(([variable, name]): [string, string] => [name, `the ${variable}, part of the token path`]),
    [names.clientId, 'the client id'],
    [names.clientSecret, 'the client secret'],
    [names.environment, `optional: ${choice}`],
  ];
}

const GENERIC_ROWS: [name: string, what: string][] = [
  ['<PREFIX>_BASE_URL', 'the API, e.g. https://api.example.com'],
  ['<PREFIX>_<VARIABLE>', 'one per variable of the token path, e.g. <PREFIX>_TENANT_ID'],
  ['<PREFIX>_CLIENT_ID', 'the client id'],
  ['<PREFIX>_CLIENT_SECRET', 'the client secret'],
  ['<PREFIX>_ENVIRONMENT', "optional: an environment's id"],
];
