// The grid's keyboard (docs/keyboard.md): what each key means in each state.
import { describe, expect, it } from 'vitest';
import { commandFor, type KeyContext, type KeyInput } from '../../../renderer/src/grid/keymap';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const idle: KeyContext = { mode: 'none', multiline: false, list: false, mac: false };
const typedOver: KeyContext = { ...idle, mode: 'enter' };
const f2: KeyContext = { ...idle, mode: 'edit' };

describe('moving without editing', () => {
  it('arrows, Tab / Shift+Tab and Enter / Shift+Enter move; Shift+arrows extend', () => {
    expect(commandFor(key('ArrowDown'), idle)).toEqual({ kind: 'move', dRow: 1, dCol: 0, extend: false });
    expect(commandFor(key('ArrowLeft', { shiftKey: true }), idle)).toEqual({ kind: 'move', dRow: 0, dCol: -1, extend: true });
    expect(commandFor(key('Tab'), idle)).toEqual({ kind: 'tab', back: false });
    expect(commandFor(key('Tab', { shiftKey: true }), idle)).toEqual({ kind: 'tab', back: true });
    expect(commandFor(key('Enter'), idle)).toEqual({ kind: 'enter', back: false });
    expect(commandFor(key('Enter', { shiftKey: true }), idle)).toEqual({ kind: 'enter', back: true });
    expect(commandFor(key('ArrowRight', { ctrlKey: true }), idle)).toEqual({ kind: 'edge', dRow: 0, dCol: 1, extend: false });
    expect(commandFor(key('Home', { ctrlKey: true }), idle)).toEqual({ kind: 'home', extend: false, toFirstRow: true });
    expect(commandFor(key('PageDown'), idle)).toMatchObject({ kind: 'page', dRow: 10 });
  });

  it('a printable key is left to the browser: it types into the cell, which starts the edit', () => {
    expect(commandFor(key('5'), idle)).toBeNull();
    expect(commandFor(key('a'), idle)).toBeNull();
    expect(commandFor(key(' '), idle)).toBeNull();
  });

  it('F2 edits in place, Escape cancels, Delete and Backspace clear the selection', () => {
    expect(commandFor(key('F2'), idle)).toEqual({ kind: 'edit' });
    expect(commandFor(key('Escape'), typedOver)).toEqual({ kind: 'cancel' });
    expect(commandFor(key('Delete'), idle)).toEqual({ kind: 'clear' });
    expect(commandFor(key('Backspace'), idle)).toEqual({ kind: 'clear' });
  });
});

describe('while editing', () => {
  it('typed over: arrows leave the cell (and keep the value), as in Excel', () => {
    expect(commandFor(key('ArrowDown'), typedOver)).toEqual({ kind: 'move', dRow: 1, dCol: 0, extend: false });
    expect(commandFor(key('Tab'), typedOver)).toEqual({ kind: 'tab', back: false });
    expect(commandFor(key('Enter'), typedOver)).toEqual({ kind: 'enter', back: false });
  });

  it('opened with F2: arrows, Home, End and Delete work on the text', () => {
    for (const k of ['ArrowLeft', 'ArrowDown', 'Home', 'End', 'Delete', 'Backspace']) expect(commandFor(key(k), f2)).toBeNull();
    expect(commandFor(key('Enter'), f2)).toEqual({ kind: 'enter', back: false });
  });

  it('Alt+Enter and Ctrl+Enter break the line in long texts; elsewhere they keep the value and stay', () => {
    expect(commandFor(key('Enter', { altKey: true }), { ...typedOver, multiline: true })).toEqual({ kind: 'newline' });
    expect(commandFor(key('Enter', { ctrlKey: true }), { ...f2, multiline: true })).toEqual({ kind: 'newline' });
    expect(commandFor(key('Enter', { ctrlKey: true }), typedOver)).toEqual({ kind: 'commitStay' });
  });

  it('Ctrl+Z and Ctrl+A belong to the text being edited', () => {
    expect(commandFor(key('z', { ctrlKey: true }), typedOver)).toBeNull();
    expect(commandFor(key('a', { ctrlKey: true }), f2)).toBeNull();
  });

  it('keys of an input method composing are its own (Enter confirms 农村)', () => {
    expect(commandFor(key('Enter', { isComposing: true }), typedOver)).toBeNull();
    expect(commandFor(key('Process', { keyCode: 229 }), idle)).toBeNull();
    expect(commandFor(key('ArrowDown', { keyCode: 229 }), idle)).toBeNull();
  });

  it('in the 类别 list, ↑ ↓ choose; Alt+↓ opens it', () => {
    expect(commandFor(key('ArrowDown'), { ...typedOver, list: true })).toEqual({ kind: 'listMove', d: 1 });
    expect(commandFor(key('ArrowUp'), { ...f2, list: true })).toEqual({ kind: 'listMove', d: -1 });
    expect(commandFor(key('ArrowDown', { altKey: true }), idle)).toEqual({ kind: 'openList' });
  });
});

describe('commands', () => {
  it('Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z undo and redo; ⌘ on macOS', () => {
    expect(commandFor(key('z', { ctrlKey: true }), idle)).toEqual({ kind: 'undo' });
    expect(commandFor(key('y', { ctrlKey: true }), idle)).toEqual({ kind: 'redo' });
    expect(commandFor(key('Z', { ctrlKey: true, shiftKey: true }), idle)).toEqual({ kind: 'redo' });
    expect(commandFor(key('z', { metaKey: true }), { ...idle, mac: true })).toEqual({ kind: 'undo' });
    expect(commandFor(key('z', { ctrlKey: true }), { ...idle, mac: true })).toBeNull();
  });

  it('Ctrl+Shift+= inserts rows and Ctrl+- deletes them (any layout that sends + or -)', () => {
    expect(commandFor(key('+', { ctrlKey: true, shiftKey: true, code: 'Equal' }), idle)).toEqual({ kind: 'insertRows' });
    expect(commandFor(key('+', { ctrlKey: true, code: 'NumpadAdd' }), idle)).toEqual({ kind: 'insertRows' });
    expect(commandFor(key('-', { ctrlKey: true, code: 'Minus' }), idle)).toEqual({ kind: 'deleteRows' });
    expect(commandFor(key('-', { ctrlKey: true, code: 'Minus' }), typedOver)).toBeNull();
  });

  it('Ctrl+A selects the whole table', () => {
    expect(commandFor(key('a', { ctrlKey: true }), idle)).toEqual({ kind: 'selectAll' });
  });
});
