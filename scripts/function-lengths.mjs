// Lines per function in the given folders (default: renderer/src), longest first: the measure behind
// "no function over ~80 lines". A component or hook counts as one function with everything nested in
// it; a function nested in another is listed as well, under its own name. (TypeScript 7 has no
// compiler API in JavaScript: the parse is Prettier's TypeScript parser, an ESTree with line numbers.)
//   node scripts/function-lengths.mjs [--over N] [--top N] [folder or file ...]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsers } from 'prettier/plugins/typescript';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return Number(value);
};
const over = option('--over', 0);
const top = option('--top', 20);
const roots = args.length ? args : ['renderer/src'];

const files = (path) =>
  statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => files(join(path, name))) : /\.tsx?$/.test(path) ? [path] : [];

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const keyName = (key) => (key?.type === 'Identifier' ? key.name : key?.type === 'Literal' ? String(key.value) : null);

/** A function's name: its own, or that of the variable, property or call (forwardRef, useCallback) it is given to. */
function nameOf(node, parents) {
  if (node.id?.name) return node.id.name;
  for (let i = parents.length - 1; i >= 0; i--) {
    const at = parents[i];
    if (at.type === 'CallExpression' || at.type.startsWith('TS')) continue;
    if (at.type === 'VariableDeclarator') return keyName(at.id) ?? '(anonymous)';
    if (at.type === 'Property' || at.type === 'MethodDefinition' || at.type === 'PropertyDefinition')
      return keyName(at.key) ?? '(anonymous)';
    if (at.type === 'JSXExpressionContainer' && parents[i - 1]?.type === 'JSXAttribute') return `${parents[i - 1].name.name}=`;
    break;
  }
  return '(anonymous)';
}

const rows = [];
for (const file of roots.flatMap(files)) {
  const ast = await parsers.typescript.parse(readFileSync(file, 'utf8'), { filepath: file });
  const visit = (node, parents) => {
    if (FUNCTIONS.has(node.type)) {
      rows.push({
        lines: node.loc.end.line - node.loc.start.line + 1,
        name: nameOf(node, parents),
        where: `${file}:${node.loc.start.line}`,
      });
    }
    const inside = [...parents, node];
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') visit(child, inside);
    }
  };
  visit(ast, []);
}
const shown = rows
  .filter((r) => r.lines > over)
  .sort((a, b) => b.lines - a.lines)
  .slice(0, top);
for (const r of shown) console.log(`${String(r.lines).padStart(5)}  ${r.name.padEnd(28)} ${r.where}`);
