// node --import ./load-trace.mjs …: appends every module URL the process resolves to $LOAD_TRACE_FILE, one a line
// (the resolve hook runs off the main thread in Node 20, so it writes to a file rather than to stderr).
import { register } from 'node:module';

const hook = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (process.env.LOAD_TRACE_FILE) appendFileSync(process.env.LOAD_TRACE_FILE, r.url + '\\n');
  return r;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
