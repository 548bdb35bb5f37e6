// Workbooks dropped anywhere on the window open the import preview.
import { useEffect, useRef } from 'react';
import { readFiles, type PickedFile } from './files';

export function useFileDrop(onFiles: (files: PickedFile[]) => void) {
  const handler = useRef(onFiles);
  handler.current = onFiles;
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])].filter((f) => /\.(xlsx|xls|et)$/i.test(f.name));
      if (files.length) void readFiles(files).then((picked) => handler.current(picked));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
}
