// The names of a Bruno collection's folders and files, shared by the Bruno generator (which writes
// them) and the loader (which reports two names that would be one file).
import { avoiding, safeFileName } from './file-names.js';

/** What Bruno itself keeps in the collection's folder, and the folders bruno.json ignores. */
const ROOT_NAMES = ['environments', 'collection.bru', 'bruno.json', 'node_modules'];
/** What Bruno keeps in a request folder. */
const FOLDER_NAMES = ['folder.bru'];

/** A resource's folder. */
export function brunoFolderName(resourceName: string): string {
  return avoiding(resourceName, ROOT_NAMES);
}

/** An endpoint's request file, without `.bru`. */
export function brunoRequestName(endpointName: string): string {
  return avoiding(endpointName, FOLDER_NAMES, '.bru');
}

/** An environment's file, without `.bru`; also the name `bru run --env` takes. */
export function brunoEnvironmentName(environmentId: string): string {
  return safeFileName(environmentId);
}
