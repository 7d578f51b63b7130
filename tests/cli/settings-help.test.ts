// `--help` names the settings of the description the command reads, not SECURITHINGS_* for every one.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const PARCELS = join(import.meta.dirname, '../../examples/parcel-tracker.yaml');
const REPO = join(import.meta.dirname, '../..');

describe.each(['contract', 'token'])('%s --help', (command) => {
  it('lists PARCELS_* for examples/parcel-tracker.yaml, with its environments and no SECURITHINGS', async () => {
    const { code, stdout } = await runCli([command, '--spec', PARCELS, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}PARCELS_BASE_URL +the API, e\.g\. https:\/\/api\.parcels\.example$/m);
    for (const name of ['PARCELS_CLIENT_ID', 'PARCELS_CLIENT_SECRET']) expect(stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    expect(stdout).toMatch(/^ {2}PARCELS_ENVIRONMENT +optional: production or local$/m);
    expect(stdout).toContain('Without PARCELS_BASE_URL the run goes to the embedded reference server');
    expect(stdout).not.toMatch(/SECURITHINGS|ORGANIZATION/);
  });

  it('lists SECURITHINGS_* and its token-path variable for the default description', async () => {
    const { stdout } = await runCli([command, '--help'], { cwd: REPO });
    expect(stdout).toMatch(/^ {2}SECURITHINGS_ORGANIZATION +the organization, part of the token path$/m);
    expect(stdout).toMatch(/^ {2}SECURITHINGS_ENVIRONMENT +optional: production, staging or local$/m);
  });

  it('falls back to a generic <PREFIX>_* text when the description cannot be read', async () => {
    const { code, stdout } = await runCli([command, '--spec', 'no-such.yaml', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}<PREFIX>_BASE_URL +the API/m);
    expect(stdout).not.toMatch(/SECURITHINGS|PARCELS/);
  });
});
