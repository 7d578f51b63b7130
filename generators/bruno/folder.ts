// One resource -> `<Resource>/folder.bru`: its name, order and inherited auth.
import type { Resource } from '../../model/model.js';
import { bruFile, dictBlock, textBlock } from './bru.js';
import { folderDocs } from './docs.js';

export function folderBru(resource: Resource, seq: number): string {
  return bruFile([
    dictBlock('meta', [
      { key: 'name', value: resource.name },
      { key: 'seq', value: seq },
    ]),
    dictBlock('auth', [{ key: 'mode', value: 'inherit' }]),
    textBlock('docs', folderDocs(resource)),
  ]);
}
