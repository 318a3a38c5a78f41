// `heed inspect`: the parsed elements of a page source, from a file or from the live simulated phone.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_CONFIG, type HeedConfig } from '../core/config.js';
import { HeedError } from '../core/errors.js';
import { fsReason } from '../core/files.js';
import { openDevice } from '../device/open.js';
import { decodeDump, type UiElement, type UiTree } from '../device/ui-tree.js';
import { inspectScreen } from '../agent/heed.js';

export const INSPECT_HELP = `Usage: heed inspect <page-source.xml> [--json]
       heed inspect --live [--app <package>] [--device sim|<appium url>] [--json]

Prints every element of an Android UI dump (UiAutomator2 page source or \`uiautomator dump\` XML) in document
order; interactive elements are marked with *. Then the consent points: for each interactive element, what tapping
it would grant (category, grant level, irreversible or not, and why). --live reads the current screen of the simulated phone (or the
given Appium server) instead of a file.

Options:
  --json           machine-readable output: { "elements": [ ... ], "consentPoints": [ ... ] }
  --live           read the screen from a device instead of a file
  --app <package>  with --live: open this app first
  --device <d>     with --live: sim (default) or an Appium server URL
  -h, --help       this text`;

export function elementJson(e: UiElement) {
  return {
    index: e.index,
    class: e.class,
    text: e.text,
    resourceId: e.resourceId,
    contentDesc: e.contentDesc,
    bounds: e.bounds,
    clickable: e.clickable,
    checkable: e.checkable,
    checked: e.checked,
    enabled: e.enabled,
    password: e.password,
  };
}

export function formatTree(tree: UiTree): string {
  const interactive = new Set(tree.interactive);
  return tree.elements
    .map((e) => {
      const mark = interactive.has(e.index) ? '*' : ' ';
      const flags = [
        e.checkable ? (e.checked ? 'checked' : 'unchecked') : '',
        e.password ? 'password' : '',
        e.enabled ? '' : 'disabled',
      ]
        .filter(Boolean)
        .join(',');
      const name = e.class.split('.').pop();
      const what = [
        e.text && JSON.stringify(e.text),
        e.contentDesc && `desc=${JSON.stringify(e.contentDesc)}`,
        e.resourceId && `id=${e.resourceId}`,
      ]
        .filter(Boolean)
        .join(' ');
      return `${mark}${String(e.index).padStart(3)} ${'  '.repeat(e.depth)}${name} ${what} [${e.bounds.join(',')}]${flags ? ` (${flags})` : ''}`;
    })
    .join('\n');
}

export async function inspectCommand(
  argv: string[],
  out: (s: string) => void,
  config: HeedConfig = DEFAULT_CONFIG,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      live: { type: 'boolean' },
      app: { type: 'string' },
      device: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return (out(INSPECT_HELP), 0);
  let xml: string;
  let source: string;
  if (values.live) {
    const device = await openDevice({ device: values.device, sim: { app: values.app }, config });
    try {
      xml = (await device.observe()).pageSource;
      source = 'live screen';
    } finally {
      await device.close();
    }
  } else {
    const file = positionals[0];
    if (!file) throw new HeedError('heed inspect needs a page-source file or --live', 'see heed inspect --help');
    try {
      xml = decodeDump(await readFile(file));
    } catch (e) {
      throw new HeedError(
        `${file}: cannot read the page source: ${fsReason(e)}`,
        'give a UI dump (adb exec-out uiautomator dump /dev/tty > screen.xml, or Appium’s page source), or use --live',
      );
    }
    source = file;
  }
  const { tree, consentPoints: consent } = inspectScreen(xml, source);
  if (values.json) out(JSON.stringify({ elements: tree.elements.map(elementJson), consentPoints: consent }, null, 2));
  else {
    out(formatTree(tree));
    if (consent.length)
      out(
        `\nConsent points:\n${consent.map((c) => `  [${c.index}] ${c.category} ${c.grant}${c.irreversible ? ' (irreversible)' : ''}: ${c.reason}`).join('\n')}`,
      );
  }
  return 0;
}
