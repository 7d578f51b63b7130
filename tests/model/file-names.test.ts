// Display names as file and folder names every OS can hold: made safe the same way every time.
import { describe, expect, it } from 'vitest';
import { brunoEnvironmentName, brunoFolderName, brunoRequestName } from '../../model/bruno-names.js';
import { fileKey, safeFileName } from '../../model/file-names.js';

describe('safeFileName', () => {
  it.each([
    ['Get Devices', 'Get Devices'],
    ['Get/Put: a?', 'Get-Put- a-'],
    ['a<b>c|d"e*f\\g', 'a-b-c-d-e-f-g'],
    ['..', '_'],
    ['.', '_'],
    ['. .', '_'],
    ['.git', 'git'],
    ['Devices. . ', 'Devices'],
    ['  Devices', 'Devices'],
    ['CON', 'CON_'],
    ['nul.txt', 'nul_.txt'],
    ['com1', 'com1_'],
    ['LPT9.tar.gz', 'LPT9_.tar.gz'],
    ['Aux ', 'Aux_'],
    ['console', 'console'],
    ['red\u001b[31mtext', 'red-[31mtext'],
    ['bell\u0007 and DEL\u007f and CSI\u009b', 'bell- and DEL- and CSI-'],
    ['invoice\u202egpj.exe', 'invoice-gpj.exe'],
    ['a\u2066b\u2069c\u200fd', 'a-b-c-d'],
    ['line\u2028break', 'line-break'],
  ])('%j -> %j', (given, want) => expect(safeFileName(given)).toBe(want));

  it('writes composed characters (macOS would otherwise see two spellings as one file)', () => {
    expect(safeFileName('Cafe\u0301')).toBe('Caf\u00e9');
  });

  it('cuts a long name to 200 UTF-8 bytes, never inside a character', () => {
    const name = safeFileName('\u{1f4f7}'.repeat(200));
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name).toBe('\u{1f4f7}'.repeat(50));
  });
});

describe('Bruno names', () => {
  it.each([
    ['environments', 'environments_'],
    ['Environments', 'Environments_'],
    ['collection.bru', 'collection.bru_'],
    ['Bruno.JSON', 'Bruno.JSON_'],
    ['node_modules', 'node_modules_'],
    ['Devices', 'Devices'],
  ])('resource %j -> folder %j', (given, want) => expect(brunoFolderName(given)).toBe(want));

  it.each([
    ['folder', 'folder_'],
    ['Folder', 'Folder_'],
    ['folder.bru', 'folder.bru'],
    ['CON', 'CON_'],
    ['Get Devices', 'Get Devices'],
  ])('endpoint %j -> request file %j.bru', (given, want) => expect(brunoRequestName(given)).toBe(want));

  it('an environment called after a device gets a _', () => {
    expect(brunoEnvironmentName('con')).toBe('con_');
    expect(brunoEnvironmentName('production')).toBe('production');
  });

  it('compares names as macOS and Windows do', () => {
    expect(fileKey('Get Devices.bru')).toBe(fileKey('get devices.BRU'));
    expect(fileKey('Caf\u00e9')).toBe(fileKey('Cafe\u0301'));
  });
});
