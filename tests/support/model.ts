// The shipped description, loaded once per test file, and small builders around it.
import { readFileSync } from 'node:fs';
import { loadSpec } from '../../generators/load/index.js';
import type { ApiModel } from '../../generators/model.js';

export const SPEC_FILE = 'spec/securithings.yaml';

export function shippedModel(): ApiModel {
  return loadSpec(readFileSync(SPEC_FILE), SPEC_FILE);
}

/** A deep copy of the shipped model, changed by `edit`, for what-if cases. */
export function modelWith(edit: (model: ApiModel) => void): ApiModel {
  const model = structuredClone(shippedModel());
  edit(model);
  return model;
}
