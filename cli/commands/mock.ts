import { Command, InvalidArgumentError } from 'commander';
import { isLoopbackHost } from '../../contract/target.js';
import { tokenPath } from '../../model/urls.js';
import type { GenerateContext } from '../../generators/types.js';
import { CliError } from '../errors.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { DEFAULT_SPEC, readSpec } from '../read-spec.js';

export interface MockOptions {
  spec: string;
  host: string;
  port: number;
  rateLimits: boolean;
  allowRemote: boolean;
}

/** Resolves when the server should stop (Ctrl-C by default). */
export type StopSignal = () => Promise<void>;

const untilInterrupted: StopSignal = () =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

export function mockCommand(io: CliIO, _ctx: GenerateContext, done: (code: ExitCode) => void): Command {
  return new Command('mock')
    .description('start the embedded reference server on loopback and print its URL and the demo credentials')
    .option('--spec <file>', 'the API description', DEFAULT_SPEC)
    .option('--host <host>', 'loopback address to listen on (127.0.0.0/8, ::1, localhost)', '127.0.0.1')
    .option('--allow-remote', 'allow a --host that is not loopback: the public demo credentials then serve that network', false)
    .option('--port <port>', 'port (the local environment expects 4010; 0 picks a free one)', parsePort, 4010)
    .option('--rate-limits', 'enforce the documented rate limits', false)
    .addHelpText('after', '\nExit codes:\n  0  stopped with Ctrl-C\n  2  bad description, a host that is not loopback, or a port in use\n')
    .action(async (options: MockOptions) => done(await runMock(options, io, untilInterrupted)));
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

function listenProblem(error: unknown, options: MockOptions): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new CliError(`port ${options.port} is in use: pass --port 0 to pick a free one`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new CliError(`cannot listen on ${options.host}: no such address on this machine (${code})`);
  if (code === 'EACCES') return new CliError(`not allowed to listen on port ${options.port} (EACCES): pick a port above 1023, or --port 0`);
  return error as Error;
}

export async function runMock(options: MockOptions, io: CliIO, stop: StopSignal): Promise<ExitCode> {
  if (!isLoopbackHost(options.host) && !options.allowRemote) {
    throw new CliError(`--host ${options.host} is not loopback: the server hands out public demo credentials; pass --allow-remote to serve it there anyway`);
  }
  const model = readSpec(options.spec, io.cwd);
  const { startReferenceServer, DEMO } = await import('../../server/index.js');
  const server = await startReferenceServer(model, { host: options.host, port: options.port, rateLimits: options.rateLimits }).catch((error: unknown) => {
    throw listenProblem(error, options);
  });
  io.stdout(
    [
      `Reference server for ${model.info.name} listening on ${server.url}${options.rateLimits ? ' (documented rate limits on)' : ''}`,
      'Demo credentials (public, valid only on this local server):',
      ...model.auth.pathVariables.map((name) => `  ${name.padEnd(12)}  ${DEMO.organization}`),
      `  clientId      ${DEMO.clientId}`,
      `  clientSecret  ${DEMO.clientSecret}`,
      `Token: POST ${server.url}${tokenPath(model, (name) => (name === 'clientId' ? DEMO.clientId : DEMO.organization))} with ${model.auth.clientAuthentication === 'basic' ? 'HTTP Basic clientId:clientSecret' : 'client_id and client_secret in the form body'}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await stop();
  await server.close();
  return EXIT.ok;
}
