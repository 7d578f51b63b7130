// A documented write request (any method but GET and HEAD) is for a person to send: in the kit's
// contract run (SCRIPT_VARIABLES.contractRun is on) it skips itself, saying why, so a run against a
// real API changes no data that no contract case asked to change.
import type { Endpoint } from '../../model/model.js';

/** Why a documented write request is not sent by the contract run, as the reports show it. */
export function writeSkipNote(endpoint: Pick<Endpoint, 'name' | 'method'>): string {
  return `Skipped "${endpoint.name}": a ${endpoint.method} request changes data; the contract run sends it only for a contract case that names the endpoint.`;
}
