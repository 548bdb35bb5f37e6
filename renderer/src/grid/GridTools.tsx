// The buttons above a table: row operations for 二 and 三, add and delete for the ledger (its
// payments are listed by line and day: a new one goes to the end, and none is moved by hand).
import type { Strings } from '../strings';
import type { rowOperation } from './actions';

type Op = Parameters<typeof rowOperation>[1];

export function GridTools({
  table,
  recordLocked,
  t,
  mac,
  onOp,
}: {
  table: string;
  recordLocked?: string | null;
  t: Strings;
  mac: boolean;
  onOp: (op: Op) => void;
}) {
  const button = (op: Op, label: string, keys?: [string, string]) => (
    <button onMouseDown={(e) => e.preventDefault()} onClick={() => onOp(op)} title={keys ? (mac ? keys[0] : keys[1]) : undefined}>
      {label}
    </button>
  );
  const insertKeys: [string, string] = ['⌘⇧=', 'Ctrl+Shift+='];
  const deleteKeys: [string, string] = ['⌘-', 'Ctrl+-'];
  return (
    <div className="grid-tools">
      {recordLocked && (
        <span className="locked-tag" title={recordLocked}>
          {t.lockedTag}
        </span>
      )}
      {table === 'payments' ? (
        <>
          {button('append', t.addPayment, insertKeys)}
          {button('delete', t.deletePayments, deleteKeys)}
        </>
      ) : (
        <>
          {button('insert', t.insertRow, insertKeys)}
          {button('append', t.appendRow)}
          {button('delete', t.deleteRows, deleteKeys)}
          {button('up', t.moveUp)}
          {button('down', t.moveDown)}
        </>
      )}
    </div>
  );
}
