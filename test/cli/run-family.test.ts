// `heed run` picks the model's family from its name (AutoGLM here) and speaks its grammar end to end, through the CLI.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { openDevice } from '../../src/device/open.js';
import { testConfig } from '../support/config.js';
import { startFakeLlm } from '../support/fake-llm.js';
import { jpegSize, lastImage, modelPoint, script } from '../support/native.js';

test('heed run --model autoglm-phone-9b speaks AutoGLM: Launch, a tap in 0–1000, finish', async () => {
  // Where "Don’t allow" is on TrailCam's location dialog (the simulated phone's layout is fixed).
  const d = await openDevice({ config: testConfig, device: 'sim', sim: { app: 'com.heed.trailcam' } });
  const obs = await d.observe();
  await d.close();
  const b = obs.tree.elements.find((e) => e.label === 'Don’t allow')!.bounds;
  const deny = { x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2 };
  const llm = await startFakeLlm(
    script([
      () => '<think>先打开应用</think>\n<answer>do(action="Launch", app="TrailCam")</answer>',
      (req) => {
        const [x, y] = modelPoint('autoglm', deny, obs.deviceSize, jpegSize(lastImage(req)));
        return `<think>拒绝位置权限</think><answer>do(action="Tap", element=[${x},${y}])</answer>`;
      },
      () => '<think>完成</think><answer>finish(message="done")</answer>',
    ]),
  );
  const out = mkdtempSync(join(tmpdir(), 'heed-run-family-'));
  const lines: string[] = [];
  try {
    const code = await main(
      [
        'run',
        'Open TrailCam and do not share my location.',
        '--model',
        'autoglm-phone-9b',
        '--base-url',
        llm.baseURL,
        '--profile',
        'privacy-first',
        '--user',
        'scripted',
        '--no-memory',
        '--out',
        out,
        '--max-steps',
        '4',
      ],
      (s) => lines.push(s),
    );
    const log = lines.join('\n');
    expect(log).toContain('policy model:autoglm-phone-9b (autoglm)');
    expect(log).toMatch(/open_app TrailCam → done/);
    expect(code).toBe(0);
    // AutoGLM's own system prompt; the first user turn carries {"current_app": …}; later turns "** Screen Info **".
    expect(JSON.stringify(llm.requests[0]!.messages[0])).toContain('do(action=\\"Launch\\", app=\\"xxx\\")');
    expect(JSON.stringify(llm.requests[0]!.messages[1])).toContain('{\\"current_app\\":');
    expect(JSON.stringify(llm.requests[1]!.messages)).toContain('** Screen Info **');
    const [dir] = readdirSync(out);
    const ledger = readFileSync(join(out, dir!, 'ledger.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ledger.map((e) => [e.category, e.grant, e.verdict])).toEqual([['location', 'deny', 'allow']]);
  } finally {
    await llm.close();
  }
});
