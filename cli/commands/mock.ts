import { Command, InvalidArgumentError } from 'commander';
import { tokenPath } from '../../model/urls.js';
import type { GenerateContext } from '../../generators/types.js';
import { EXIT, type CliIO, type ExitCode } from '../io.js';
import { DEFAULT_SPEC, readSpec } from '../read-spec.js';

export interface MockOptions {
  spec: string;
  host: string;
  port: number;
  rateLimits: boolean;
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
    .option('--host <host>', 'loopback address to listen on', '127.0.0.1')
    .option('--port <port>', 'port (the local environment expects 4010; 0 picks a free one)', parsePort, 4010)
    .option('--rate-limits', 'enforce the documented rate limits', false)
    .action(async (options: MockOptions) => done(await runMock(options, io, untilInterrupted)));
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

export async function runMock(options: MockOptions, io: CliIO, stop: StopSignal): Promise<ExitCode> {
  const model = readSpec(options.spec, io.cwd);
  const { startReferenceServer, DEMO } = await import('../../server/index.js');
  const server = await startReferenceServer(model, { host: options.host, port: options.port, rateLimits: options.rateLimits });
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
