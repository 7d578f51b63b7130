// A folder's `folder.bru`: its name, order and inherited auth.
import type { Resource } from '../../model/model.js';
import { bruFile, dictBlock, textBlock } from './bru.js';
import { folderDocs } from './docs.js';

export function plainFolderBru(name: string, seq: number, docs: string): string {
  return bruFile([
    dictBlock('meta', [
      { key: 'name', value: name },
      { key: 'seq', value: seq },
    ]),
    dictBlock('auth', [{ key: 'mode', value: 'inherit' }]),
    textBlock('docs', docs),
  ]);
}

/** One resource -> `<Resource>/folder.bru`. */
export function folderBru(resource: Resource, seq: number): string {
  return plainFolderBru(resource.name, seq, folderDocs(resource));
}
