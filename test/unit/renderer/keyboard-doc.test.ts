// docs/keyboard.md is the grid's keyboard in words: every row of its tables must be what the
// keymap does, and every command of the keymap must be in it.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { commandFor, type EditMode, type GridCommand, type KeyContext, type KeyInput } from '../../../renderer/src/grid/keymap';
import { ROOT } from '../../helpers/fixtures';

const ARROWS: Record<string, string> = { '↑': 'ArrowUp', '↓': 'ArrowDown', '←': 'ArrowLeft', '→': 'ArrowRight', Esc: 'Escape' };
const CODES: Record<string, string> = { '=': 'Equal', '+': 'Equal', '-': 'Minus' };

/** "Ctrl+Shift+=" → the key event a US keyboard sends for it. */
function parseKey(spec: string): KeyInput {
  const parts = spec.split('+');
  // "Ctrl++": the last part is the key "+" itself.
  if (spec.endsWith('++')) parts.splice(parts.length - 2, 2, '+');
  let key = parts.pop()!;
  const mods = new Set(parts);
  const shiftKey = mods.has('Shift');
  key = ARROWS[key] ?? key;
  if (key === '=' && shiftKey) key = '+';
  return {
    key: key.length === 1 && /[A-Z]/.test(key) ? (shiftKey ? key : key.toLowerCase()) : key,
    code: CODES[key] ?? (key.length === 1 && /[a-z]/i.test(key) ? `Key${key.toUpperCase()}` : key),
    ctrlKey: mods.has('Ctrl'),
    metaKey: false,
    shiftKey,
    altKey: mods.has('Alt'),
  };
}

type Row = { keys: string[]; commands: (string | null)[]; ctx: KeyContext; line: number };

function rows(): Row[] {
  const text = fs.readFileSync(path.join(ROOT, 'docs/keyboard.md'), 'utf8');
  const out: Row[] = [];
  let ctx: KeyContext | null = null;
  text.split('\n').forEach((line, i) => {
    const heading = /^## .*\(mode: (none|enter|edit)((?:, \w+)*)\)/.exec(line);
    if (heading)
      ctx = { mode: heading[1] as EditMode, multiline: heading[2].includes('multiline'), list: heading[2].includes('list'), mac: false };
    else if (line.startsWith('## ')) ctx = null;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (!ctx || cells.length !== 4 || cells[0] === '按键' || cells[0].startsWith('---')) return;
    const commands = cells[3] === '—' ? [null] : [...cells[3].matchAll(/`(\w+)`/g)].map((m) => m[1]);
    out.push({ keys: cells[0].split(' / '), commands, ctx, line: i + 1 });
  });
  return out;
}

describe('docs/keyboard.md', () => {
  const table = rows();

  it('has the keyboard tables', () => {
    expect(table.length).toBeGreaterThan(30);
  });

  it('says for every key what the keymap does', () => {
    for (const row of table)
      row.keys.forEach((spec, i) => {
        const expected = row.commands.length === 1 ? row.commands[0] : row.commands[Math.min(i, row.commands.length - 1)];
        const got = commandFor(parseKey(spec), row.ctx);
        expect(got?.kind ?? null, `docs/keyboard.md:${row.line} ${spec} (${row.ctx.mode})`).toBe(expected);
      });
  });

  it('lists every command of the keymap', () => {
    const kinds: GridCommand['kind'][] = [
      'move',
      'edge',
      'home',
      'end',
      'page',
      'tab',
      'enter',
      'edit',
      'cancel',
      'clear',
      'newline',
      'commitStay',
      'selectAll',
      'undo',
      'redo',
      'insertRows',
      'deleteRows',
      'openList',
      'listMove',
    ];
    const documented = new Set(table.flatMap((r) => r.commands));
    for (const kind of kinds) expect(documented, kind).toContain(kind);
  });
});
