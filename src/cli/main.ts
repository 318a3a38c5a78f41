#!/usr/bin/env node
// heed's command line. Each command lives in its own module; this file only dispatches and reports errors.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type HeedConfig } from '../core/config.js';
import { DeviceError, HeedError, ModelError } from '../core/errors.js';
import { EXIT } from '../core/exit.js';
import { ROOT } from '../core/paths.js';
import { nearest, optionsOf } from '../core/suggest.js';

const HELP = `heed — a mobile GUI agent that heeds its user's privacy preferences

Usage: heed <command> [options]

Commands:
  run        run the agent on a task or an instruction, as a given user
  eval       evaluate agents and baselines on a task suite, as several personas
  demo       the bundled task on the simulated phone, as two different users (npm start)
  inspect    print the elements of a page source (and what tapping each would consent to)
  report     re-render a run's or an eval's report.html from its folder; open or serve it
  doctor     check this machine for the simulated phone and for real devices (--model: the model endpoint)
  memory     list and forget what heed remembered from your answers ("always", "never")
  reply      what heed would do with one raw reply of a GUI model (its grammar, its coordinates)

Run heed <command> --help for a command's options; heed --version prints the version.`;

/** A command: its arguments, where to print, and the environment's settings (read once, here). */
export type Command = (argv: string[], out: (s: string) => void, config: HeedConfig) => Promise<number>;

/**
 * Each command with its help text (whose --options are what "did you mean" suggests from), loaded when it is the
 * command given: `heed --version`, `heed reply` or `heed memory` do not load webdriverio, Appium or sharp.
 */
const COMMANDS: Record<string, () => Promise<{ run: Command; help: string }>> = {
  demo: async () => {
    const m = await import('./demo.js');
    return { run: m.demoCommand, help: m.DEMO_HELP };
  },
  inspect: async () => {
    const m = await import('./inspect.js');
    return { run: m.inspectCommand, help: m.INSPECT_HELP };
  },
  run: async () => {
    const m = await import('./run.js');
    return { run: m.runCommand, help: m.RUN_HELP };
  },
  eval: async () => {
    const m = await import('./eval.js');
    return { run: m.evalCommand, help: m.EVAL_HELP };
  },
  report: async () => {
    const m = await import('./report.js');
    return { run: m.reportCommand, help: m.REPORT_HELP };
  },
  doctor: async () => {
    const m = await import('./doctor.js');
    return { run: (argv, out) => m.doctorCommand(argv, out), help: m.DOCTOR_HELP };
  },
  reply: async () => {
    const m = await import('./reply.js');
    return { run: m.replyCommand, help: m.REPLY_HELP };
  },
  memory: async () => {
    const m = await import('./memory.js');
    return { run: m.memoryCommand, help: m.MEMORY_HELP };
  },
};

export function version(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** parseArgs's "Unknown option '--modle'. To specify …" → the option and the nearest one the command has. */
function explainArgsError(e: Error & { code?: string }, help: string): string {
  const typed = e.message.match(/option '(-{1,2}[^'=]+)/)?.[1];
  if (e.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || !typed) return e.message;
  const near = nearest(typed.replace(/^-+/, '--'), optionsOf(help));
  return `unknown option ${typed}${near ? ` — did you mean ${near}?` : ''}\n  → see the options with --help`;
}

export async function main(argv: string[], out: (s: string) => void = (s) => console.log(s)): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') return (out(HELP), cmd ? EXIT.ok : EXIT.usage);
  if (cmd === '--version' || cmd === '-v' || cmd === 'version') return (out(version()), EXIT.ok);
  const load = COMMANDS[cmd];
  if (!load) {
    const near = nearest(cmd, Object.keys(COMMANDS));
    console.error(
      near
        ? `heed: unknown command '${cmd}' — did you mean '${near}'? (heed --help lists the commands)`
        : `heed: unknown command '${cmd}'\n\n${HELP}`,
    );
    return EXIT.usage;
  }
  const command = await load();
  try {
    return await command.run(rest, out, loadConfig(process.env));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`heed ${cmd}: ${explainArgsError(e as Error, command.help)}`);
      return EXIT.usage;
    }
    if (e instanceof HeedError) {
      console.error(`heed ${cmd}: ${e.message}`);
      // The device or the model endpoint would not let heed start: the environment, not the command line.
      return e instanceof DeviceError || e instanceof ModelError ? EXIT.environment : EXIT.usage;
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
