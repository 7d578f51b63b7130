// The names the outputs give files and folders (model/bruno-names.ts, info.id) are made safe on
// Linux, macOS and Windows; what making them safe cannot settle is reported here, where the names
// are written: two names that land on one Bruno file or folder, and an id Windows keeps for a device.
import { brunoFolderName, brunoRequestName } from '../model/bruno-names.js';
import { fileKey, isWindowsDevice } from '../model/file-names.js';
import { formatPath, shown, type NodePath, type Report } from './diagnostics.js';
import type { RawSpec } from './raw.js';

interface Named {
  name: string;
  file: string;
  path: NodePath;
}

export function checkFileNames(spec: RawSpec, report: Report): void {
  if (isWindowsDevice(spec.info.id)) {
    report(
      'reserved-file-name',
      ['info', 'id'],
      `${shown(spec.info.id)} names the output files (${spec.info.id}.openapi.yaml, ...), and Windows keeps that name for a device: choose another id`,
    );
  }
  const folders = spec.resources.map((r, i): Named => ({ name: r.name, file: brunoFolderName(r.name), path: ['resources', i, 'name'] }));
  reportClashes(folders, 'resource', 'folder', report);
  spec.resources.forEach((r, i) => {
    const requests = r.endpoints.map(
      (e, j): Named => ({ name: e.name, file: `${brunoRequestName(e.name)}.bru`, path: ['resources', i, 'endpoints', j, 'name'] }),
    );
    reportClashes(requests, 'endpoint', 'file', report);
  });
  // Environment files are named by ids: unique lower-case slugs, so they cannot clash.
}

/** Each name whose file is, on macOS or Windows (case ignored), an earlier name's file. */
function reportClashes(items: readonly Named[], kind: string, what: string, report: Report): void {
  const seen = new Map<string, Named>();
  for (const item of items) {
    const first = seen.get(fileKey(item.file));
    if (!first) seen.set(fileKey(item.file), item);
    else
      report(
        'file-name-clash',
        item.path,
        `${kind} name ${shown(item.name)} and ${shown(first.name)} (${formatPath(first.path)}) would both be the Bruno ${what} ${shown(item.file)} (names are made safe for every OS and compared ignoring case, as macOS and Windows do): rename one`,
      );
  }
}
