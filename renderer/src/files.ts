// Files in and out of the browser: picked or dropped workbooks, and downloads (web mode).
export type PickedFile = { name: string; bytes: Uint8Array<ArrayBuffer> };

export async function readFiles(list: FileList | File[]): Promise<PickedFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** Hands bytes to the browser as a download. */
export function download(fileName: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}
