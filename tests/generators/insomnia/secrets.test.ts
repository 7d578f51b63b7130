// No generated Insomnia file ever carries a client secret, whatever the model holds.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../../model/model.js';
import { insomniaV4 } from '../../../generators/insomnia/v4.js';
import { insomniaV5 } from '../../../generators/insomnia/v5.js';
import { DEFAULT_CTX } from '../../../generators/types.js';
import { modelWith } from '../../support/model.js';
import { valuesOfKey } from './helpers.js';

const SECRET = 'hunter2-do-not-ship';

/** Every environment has values; one smuggles a secret in beside them. */
function modelWithValues(): ApiModel {
  return modelWith((model) => {
    for (const env of model.environments) env.values = { organization: `${env.id}-org`, clientId: `${env.id}-client` };
    Object.assign(model.environments.find((e) => e.id === 'local')!.values, { clientSecret: SECRET });
  });
}

const FILES: [string, (model: ApiModel) => { content: string; doc: unknown }][] = [
  [
    'v4',
    (model) => {
      const content = insomniaV4(model, DEFAULT_CTX)[0]!.content;
      return { content, doc: JSON.parse(content) };
    },
  ],
  [
    'v5',
    (model) => {
      const content = insomniaV5(model, DEFAULT_CTX)[0]!.content;
      return { content, doc: parse(content) };
    },
  ],
];

describe.each(FILES)('insomnia %s secrets', (_, generate) => {
  it('writes clientSecret as "" in every environment and as a variable reference in auth', () => {
    const { doc } = generate(modelWithValues());
    const secrets = valuesOfKey(doc, 'clientSecret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const value of secrets) expect(['', '{{ _.clientSecret }}']).toContain(value);
    expect(secrets.filter((v) => v === '')).toHaveLength(3);
  });

  it('never prints a secret the model carries', () => {
    expect(generate(modelWithValues()).content).not.toContain(SECRET);
  });

  it('keeps the non-secret values of every environment', () => {
    const { content } = generate(modelWithValues());
    for (const id of ['production', 'staging', 'local']) {
      expect(content).toContain(`${id}-org`);
      expect(content).toContain(`${id}-client`);
    }
  });
});
