// The frame every dialog of the app shares: a modal over the app that a click outside or Escape
// closes, its title, and — for a dialog that asks for something — the form with its error line and
// its 取消 / OK buttons. A dialog only says what it asks and what it does with the answer.
import type { ReactNode } from 'react';
import type { Strings } from '../strings';

export function Modal({ title, children, onClose }: { title: string; children: ReactNode; onClose: () => void }) {
  return (
    <div className="modal-back" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-label={title} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/** Why what was asked did not go through, under the fields (nothing when it did). */
export function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}

type FormDialogProps = {
  title: string;
  t: Strings;
  onClose: () => void;
  onSubmit: () => void;
  error: string | null;
  /** The submit button's label (确定 when none). */
  submit?: string;
  className?: string;
  children: ReactNode;
};

/** A dialog that asks for something: its fields, the error, and 取消 / submit (Enter submits). */
export function FormDialog({ title, t, onClose, onSubmit, error, submit, className, children }: FormDialogProps) {
  return (
    <Modal title={title} onClose={onClose}>
      <form
        className={className ? `form ${className}` : 'form'}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <ErrorLine error={error} />
        <div className="buttons">
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="primary">
            {submit ?? t.ok}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** 简体 / 繁體: the script a workbook is written in. */
export function ScriptChoice({
  name,
  script,
  onChange,
  t,
}: {
  name: string;
  script: 'hans' | 'hant';
  onChange: (script: 'hans' | 'hant') => void;
  t: Strings;
}) {
  return (
    <p className="choice">
      {t.script}:
      <label>
        <input type="radio" name={name} checked={script === 'hans'} onChange={() => onChange('hans')} /> {t.hans}
      </label>
      <label>
        <input type="radio" name={name} checked={script === 'hant'} onChange={() => onChange('hant')} /> {t.hant}
      </label>
    </p>
  );
}
