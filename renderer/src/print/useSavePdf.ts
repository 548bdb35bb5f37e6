// 另存为 PDF in both print previews (a record's, the overview's): saved where the user chooses
// (desktop) or downloaded (web), the button busy meanwhile.
import { useState } from 'react';
import { PDF_TYPE, saveOrDownload } from '../files';

/** The calls that make the PDF: saved by the desktop's own dialog, or made for a download. */
export type PdfCalls = { save: () => Promise<{ path: string | null }>; make: () => Promise<{ fileName: string; bytes: Uint8Array }> };

type Options = {
  desktop: boolean;
  onSaved: (path: string) => void;
  /** A failure (said in the bar), or null once a PDF went. */
  setError: (failure: unknown) => void;
};

/** 另存为 PDF: whether it is under way, and the call that makes and saves one. */
export function useSavePdf({ desktop, onSaved, setError }: Options) {
  const [busy, setBusy] = useState(false);
  const savePdf = async (calls: () => PdfCalls) => {
    setBusy(true);
    try {
      const { save, make } = calls();
      const path = await saveOrDownload(desktop, save, make, PDF_TYPE);
      if (path) onSaved(path);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, savePdf };
}
