// The hidden file input behind every 导入 button: workbooks (.xlsx, .xls, WPS .et), several at once,
// read and handed on; the same file can be chosen again at once.
import type { RefObject } from 'react';
import { readFiles, type PickedFile } from '../files';

export function WorkbookInput({
  inputRef,
  onImport,
  testId,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  onImport: (files: PickedFile[]) => void;
  testId?: string;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept=".xlsx,.xls,.et"
      multiple
      hidden
      data-testid={testId}
      onChange={(e) => {
        const files = e.target.files;
        if (files?.length) void readFiles(files).then(onImport);
        e.target.value = '';
      }}
    />
  );
}
