#!/usr/bin/env node
// heed's command line. Each command lives in its own module; this file only dispatches and reports errors.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HeedError } from '../core/errors.js';
import { demoCommand } from './demo.js';
import { doctorCommand } from './doctor.js';
import { evalCommand } from './eval.js';
import { inspectCommand } from './inspect.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';

const HELP = `heed — a mobile GUI agent that heeds its user's privacy preferences

Usage: heed <command> [options]

Commands:
  run        run the agent on a task or an instruction, as a given user
  eval       evaluate agents and baselines on a task suite, as several personas
  demo       the bundled task on the simulated phone, as two different users (npm start)
  inspect    print the elements of a page source (and what tapping each would consent to)
  report     re-render a run's or an eval's report.html from its folder; open or serve it
  doctor     check this machine for the simulated phone and for real devices

Run heed <command> --help for a command's options.`;

const COMMANDS: Record<string, (argv: string[], out: (s: string) => void) => Promise<number>> = {
  demo: demoCommand,
  inspect: inspectCommand,
  run: runCommand,
  eval: evalCommand,
  report: reportCommand,
  doctor: (argv, out) => doctorCommand(argv, out),
};

export async function main(argv: string[], out: (s: string) => void = (s) => console.log(s)): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') return (out(HELP), cmd ? 0 : 1);
  const run = COMMANDS[cmd];
  if (!run) {
    console.error(`heed: unknown command '${cmd}'\n\n${HELP}`);
    return 2;
  }
  try {
    return await run(rest, out);
  } catch (e) {
    if (e instanceof HeedError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`heed ${cmd}: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

// npx, `npm link`, global installs and `npm exec` start heed through a symlink: compare real paths, not URLs.
function isEntryPoint(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.stack : e);
      process.exit(1);
    },
  );
}
