// `heed report`: re-render a run's or an eval's report.html from its folder, then open it or serve it.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HeedError } from '../core/errors.js';
import { EXIT } from '../core/exit.js';
import { renderFolder } from '../report/render.js';
import { serveReport } from '../report/serve.js';

export const REPORT_HELP = `Usage: heed report <run-or-eval-folder> [--open] [--serve [--port <n>]]

Re-renders report.html from a folder's files: a run directory (steps.jsonl, ledger.jsonl, summary.json, frames/), or
an eval folder (results.json; or, when the eval did not finish, episodes/*/record.json), written by this heed or an
older one. An eval's episodes get their own report.html too. Nothing is fetched: the report is one file that works
from file://.

Options:
  --open        open the report in your browser (xdg-open, open or start)
  --serve       serve the folder on 127.0.0.1 until Ctrl-C, for a remote machine: run
                ssh -L <port>:127.0.0.1:<port> you@host, then open the printed URL (it holds a one-time token)
  --port <n>    port for --serve (default: a free one)
  -h, --help    this text`;

function opener(): [string, string[]] {
  if (process.platform === 'darwin') return ['open', []];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  return ['xdg-open', []];
}

/** Open a file or URL in the user's browser; says so instead of failing when there is no opener. */
function openInBrowser(target: string, out: (s: string) => void): Promise<void> {
  const [cmd, args] = opener();
  return new Promise((done) => {
    const child = spawn(cmd, [...args, target], { stdio: 'ignore', detached: true });
    child.once('error', () => {
      out(`could not start ${cmd} to open a browser: open ${target} yourself`);
      done();
    });
    child.once('spawn', () => {
      child.unref();
      done();
    });
  });
}

export async function reportCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      open: { type: 'boolean' },
      serve: { type: 'boolean' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (out(REPORT_HELP), EXIT.ok);
  if (positionals.length !== 1)
    throw new HeedError(
      'heed report needs one folder',
      'heed report runs/<run-or-eval-folder>; see heed report --help',
    );
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new HeedError(`--port must be a port number (1–65535), not '${values.port}'`);
  if (port !== undefined && !values.serve) throw new HeedError('--port applies to --serve', 'add --serve');
  const dir = resolve(positionals[0]!);
  const r = renderFolder(dir);
  const kb = (statSync(r.file).size / 1024).toFixed(0);
  out(
    r.kind === 'eval'
      ? `eval report: ${r.file} (${r.count} episodes${r.partial ? ', rebuilt from the finished episodes: the eval did not finish' : ''}; ${kb} KB)`
      : `run report: ${r.file} (${kb} KB)`,
  );
  if (values.open) await openInBrowser(r.file, out);
  if (!values.serve) return EXIT.ok;
  const served = await serveReport(dir, port === undefined ? {} : { port });
  out(`serving ${dir} on 127.0.0.1 only: ${served.url}`);
  out(
    `from another machine: ssh -L ${served.port}:127.0.0.1:${served.port} you@this-host, then open the URL. Ctrl-C stops.`,
  );
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await served.close();
  return EXIT.ok;
}
