import type { ApiModel } from '../model/model.js';

/** One generated file; `path` is relative to the output folder and uses `/`. */
export interface OutputFile {
  path: string;
  content: string;
}

/** Everything a generator may depend on besides the model, settled once by the CLI. */
export interface GenerateContext {
  /** Written where a format records its producer (e.g. Insomnia's `__export_source`). */
  generator: { name: string; version: string };
}

export const DEFAULT_CTX: GenerateContext = { generator: { name: 'securithings-kit', version: '0.0.0-test' } };

/** Every output format is one pure function of the model. */
export type Generator = (model: ApiModel, ctx: GenerateContext) => OutputFile[];
