// The keyboard of the grid, as Excel and WPS have it (docs/keyboard.md is this table in words):
// a key, in the state the grid is in, means one command; keys that mean nothing here are left to
// the browser (a printable key types into the cell; an arrow moves the caret while editing).

/** How a cell is being edited: not at all; typed over ("enter" mode: arrows leave the cell, as in
 * Excel); or opened with F2 / double-click ("edit" mode: arrows move the caret). */
export type EditMode = 'none' | 'enter' | 'edit';

export type KeyInput = {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** An input method is composing (the key belongs to it: Enter confirms the composition). */
  isComposing?: boolean;
  keyCode?: number;
};

export type KeyContext = {
  mode: EditMode;
  /** The cell holds long text (项目名称, 目标, 完成情况): Alt+Enter / Ctrl+Enter break the line. */
  multiline: boolean;
  /** A list is open under the cell (类别): ↑ ↓ choose in it, Enter takes the choice. */
  list: boolean;
  /** macOS: ⌘ where others have Ctrl. */
  mac: boolean;
};

export type GridCommand =
  | { kind: 'move'; dRow: number; dCol: number; extend: boolean }
  | { kind: 'edge'; dRow: number; dCol: number; extend: boolean }
  | { kind: 'home'; extend: boolean; toFirstRow: boolean }
  | { kind: 'end'; extend: boolean; toLastRow: boolean }
  | { kind: 'page'; dRow: number; extend: boolean }
  | { kind: 'tab'; back: boolean }
  | { kind: 'enter'; back: boolean }
  | { kind: 'edit' }
  | { kind: 'cancel' }
  | { kind: 'clear' }
  | { kind: 'newline' }
  | { kind: 'commitStay' }
  | { kind: 'selectAll' }
  | { kind: 'fill'; right: boolean }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'insertRows' }
  | { kind: 'deleteRows' }
  | { kind: 'openList' }
  | { kind: 'listMove'; d: number };

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
/** Rows PageUp / PageDown move. */
export const PAGE_ROWS = 10;

const isPlus = (e: KeyInput) => e.key === '+' || e.code === 'NumpadAdd' || (e.code === 'Equal' && e.shiftKey);
const isMinus = (e: KeyInput) => (e.key === '-' || e.code === 'Minus' || e.code === 'NumpadSubtract') && !e.shiftKey;

/** The command a key means, or null: leave it to the browser (typing, the caret, the IME). */
export function commandFor(e: KeyInput, ctx: KeyContext): GridCommand | null {
  // While an input method composes, every key is its own (Enter confirms 农村, arrows pick).
  if (e.isComposing || e.keyCode === 229 || e.key === 'Process') return null;
  const mod = ctx.mac ? e.metaKey : e.ctrlKey;
  const editing = ctx.mode !== 'none';
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;

  if (mod && !e.altKey) {
    if (key === 'z' && !e.shiftKey) return editing ? null : { kind: 'undo' };
    if ((key === 'z' && e.shiftKey) || key === 'y') return editing ? null : { kind: 'redo' };
    if (key === 'a' && !e.shiftKey) return editing ? null : { kind: 'selectAll' };
    if ((key === 'd' || key === 'r') && !e.shiftKey) return editing ? null : { kind: 'fill', right: key === 'r' };
    if (isPlus(e)) return editing ? null : { kind: 'insertRows' };
    if (isMinus(e)) return editing ? null : { kind: 'deleteRows' };
  }

  switch (e.key) {
    case 'Enter':
      if (e.altKey || mod) return editing ? (ctx.multiline ? { kind: 'newline' } : { kind: 'commitStay' }) : null;
      return { kind: 'enter', back: e.shiftKey };
    case 'Tab':
      return mod || e.altKey ? null : { kind: 'tab', back: e.shiftKey };
    case 'Escape':
      return { kind: 'cancel' };
    case 'F2':
      return { kind: 'edit' };
    case 'Delete':
    case 'Backspace':
      return editing ? null : { kind: 'clear' };
    case 'Home':
    case 'End': {
      if (editing) return null;
      return e.key === 'Home' ? { kind: 'home', extend: e.shiftKey, toFirstRow: mod } : { kind: 'end', extend: e.shiftKey, toLastRow: mod };
    }
    case 'PageUp':
    case 'PageDown':
      return ctx.mode === 'edit' ? null : { kind: 'page', dRow: e.key === 'PageUp' ? -PAGE_ROWS : PAGE_ROWS, extend: e.shiftKey };
  }

  const arrow = ARROWS[e.key];
  if (arrow) {
    const [dRow, dCol] = arrow;
    if (e.altKey) return dRow > 0 && !mod ? { kind: 'openList' } : null;
    if (ctx.list && dCol === 0) return { kind: 'listMove', d: dRow };
    if (ctx.mode === 'edit') return null;
    return mod ? { kind: 'edge', dRow, dCol, extend: e.shiftKey } : { kind: 'move', dRow, dCol, extend: e.shiftKey };
  }
  return null;
}
