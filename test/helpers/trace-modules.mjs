// Preloaded with --import: writes every module a process resolved (ESM and CommonJS) to the file
// named by YANSHOU_TRACE_MODULES when it exits, so a test can see what a command loaded.
import module from 'node:module';
import fs from 'node:fs';

const seen = new Set();
module.registerHooks({
  resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    seen.add(resolved.url);
    return resolved;
  },
});
process.on('exit', () => fs.writeFileSync(process.env.YANSHOU_TRACE_MODULES, [...seen].join('\n')));
