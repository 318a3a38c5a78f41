// One hostile screen per button wording: a context line, and a button whose tap appends to `hits` (read back with
// `content query`). The screens of one group live in one app, reached with `am start -n <pkg>/.S<i>`.
import { hostileApps } from './support.js';

export interface WordGroup {
  pkg: string;
  context: string[];
  labels: string[];
}

export function wordsApp(g: WordGroup): string {
  return hostileApps([
    {
      package: g.pkg,
      label: 'Words',
      launcher: false,
      state: { hits: [] },
      providers: { [`content://${g.pkg}/hits`]: { list: 'hits', columns: ['_id', 'label'] } },
      launch: 's0',
      screens: Object.fromEntries(
        g.labels.map((label, i) => [
          `s${i}`,
          {
            activity: `.S${i}`,
            title: 'Checkout',
            elements: [
              ...g.context.map((t) => ({ type: 'text', text: t })),
              { type: 'button', id: 'primary_button', text: label, onTap: [{ append: { list: 'hits', item: { label: `s${i}` } } }] },
            ],
          },
        ]),
      ),
    },
  ]);
}
