// Writing a file a person asked for: to a temporary name first, then renamed, so a crash or a
// full disk never leaves half a workbook where the old one was.
import fs from 'node:fs';

export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
