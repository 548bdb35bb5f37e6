// Files in and out of the browser: picked or dropped workbooks, and downloads (web mode).
export type PickedFile = { name: string; bytes: Uint8Array<ArrayBuffer> };

export async function readFiles(list: FileList | File[]): Promise<PickedFile[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_TYPE = 'application/pdf';

/**
 * A file the app makes, put where the user keeps it: through the native save dialog in the desktop
 * app (its path; null when cancelled), as a download in web mode (null: the browser says where).
 */
export async function saveOrDownload(
  desktop: boolean,
  save: () => Promise<{ path: string | null }>,
  make: () => Promise<{ fileName: string; bytes: Uint8Array }>,
  type: string,
): Promise<string | null> {
  if (desktop) return (await save()).path;
  const { fileName, bytes } = await make();
  download(fileName, bytes, type);
  return null;
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
