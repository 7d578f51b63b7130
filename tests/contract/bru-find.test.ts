// Where `contract --runner bru` finds bru, and what it says when there is none.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRU_MISSING, findBru } from '../../contract/bru-runner.js';

describe('findBru', () => {
  it('takes the kit’s own bru first', () => {
    expect(findBru('', ['/nonexistent/bru', join(process.cwd(), 'package.json')])).toBe(join(process.cwd(), 'package.json'));
  });

  it('else the project’s', () => {
    const project = mkdtempSync(join(tmpdir(), 'bru-project-'));
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(project, 'node_modules', '.bin', 'bru'), '');
    expect(findBru('', [], project)).toBe(join(project, 'node_modules', '.bin', 'bru'));
  });

  it('else the first bru on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bru-path-'));
    writeFileSync(join(dir, 'bru'), '');
    expect(findBru(`/nonexistent:${dir}`, [])).toBe(join(dir, 'bru'));
  });

  it('finds none when neither has it; the message says how to install it', () => {
    expect(findBru('/nonexistent', [])).toBeUndefined();
    expect(BRU_MISSING).toContain('npm install --save-dev @usebruno/cli');
  });
});
