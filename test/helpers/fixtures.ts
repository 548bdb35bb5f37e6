// The project's own copies of the team's reference material (test/fixtures/reference: the seed as
// canonical records in both scripts, and the source document), and temporary folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CountyRecord, type RecordInput } from '../../shared/record';
import { recordInputSchema } from '../../shared/schema';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REFERENCE = path.join(ROOT, 'test/fixtures/reference');

export const referenceFiles = {
  fixture: (script: 'hans' | 'hant') => `zhangshu-2021.${script}.json`,
  sourceDocument: 'source-document.txt',
};

export function referenceFixtureText(script: 'hans' | 'hant'): string {
  return fs.readFileSync(path.join(REFERENCE, referenceFiles.fixture(script)), 'utf8');
}

export function referenceFixture(script: 'hans' | 'hant'): CountyRecord {
  return JSON.parse(referenceFixtureText(script));
}

/** The source document (traditional characters), as the team's reference folder holds it. */
export function sourceDocumentText(): string {
  return fs.readFileSync(path.join(REFERENCE, referenceFiles.sourceDocument), 'utf8');
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

/** The client the tests act as (undo and redo act on a client's own steps). */
export const ME = { client: 'test-window', kind: 'desktop' } as const;
