// The team's reference fixtures (../shared beside the checkout) and temporary folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordInputSchema, type CountyRecord, type RecordInput } from '../../shared/record';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE = path.resolve(ROOT, '../shared');

export function referenceFixture(script: 'hans' | 'hant'): CountyRecord {
  return JSON.parse(fs.readFileSync(path.join(REFERENCE, `fixtures/zhangshu-2021.${script}.json`), 'utf8'));
}

export function referenceFixtureText(script: 'hans' | 'hant'): string {
  return fs.readFileSync(path.join(REFERENCE, `fixtures/zhangshu-2021.${script}.json`), 'utf8');
}

export function seedInput(script: 'hans' | 'hant' = 'hans'): RecordInput {
  return recordInputSchema.parse(referenceFixture(script));
}

const made: string[] = [];

/** A fresh folder under the system's temp folder, removed when the test file ends (test/setup.ts). */
export function tempDir(prefix = 'yanshou-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
