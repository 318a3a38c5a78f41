// Which family a run speaks: --family ?? HEED_AGENT_FAMILY ?? the model's name ?? heed's JSON.
import { FAMILY_NAMES, familyForModel, resolveFamily } from '../../../src/policy/families/index.js';
import { loadConfig } from '../../../src/core/config.js';
import { MODEL_FAMILIES } from '../../../src/core/vocab.js';
import { NATIVE } from '../../../src/policy/families/index.js';
import { resolveLlmConfig } from '../../../src/policy/llm/config.js';

describe('choosing the model family', () => {
  test.each([
    ['ByteDance-Seed/UI-TARS-1.5-7B', 'ui-tars-1.5'],
    ['bytedance-research/UI-TARS-7B-DPO', 'ui-tars-1.0'],
    ['UI-TARS-72B-SFT', 'ui-tars-1.0'],
    ['doubao-1.5-ui-tars-250328', 'ui-tars-doubao'],
    ['doubao-seed-1-6-vision-250815', 'seed'],
    ['Qwen/Qwen2.5-VL-7B-Instruct', 'qwen2.5-vl'],
    ['qwen2.5vl:7b', 'qwen2.5-vl'],
    ['Qwen/Qwen3-VL-8B-Instruct', 'qwen3-vl'],
    ['mPLUG/GUI-Owl-7B', 'gui-owl'],
    ['mPLUG/GUI-Owl-1.5-8B-Instruct', 'gui-owl-1.5'],
    ['Tongyi-MAI/MAI-UI-8B', 'mai-ui'],
    ['zai-org/AutoGLM-Phone-9B', 'autoglm'],
    ['autoglm-phone-9b', 'autoglm'],
    ['zai-org/GLM-4.1V-9B-Thinking', 'glm-v'],
    ['glm-4.5v', 'glm-v'],
    ['inclusionAI/UI-Venus-Navi-7B', 'ui-venus'],
    ['inclusionAI/UI-Venus-1.5-8B', 'ui-venus-1.5'],
    ['OS-Copilot/OS-Atlas-Pro-7B', 'os-atlas'],
    ['showlab/ShowUI-2B', 'showui'],
    ['xlangai/Aguvis-7B-720P', 'aguvis'],
    ['openbmb/AgentCPM-GUI', 'agentcpm-gui'],
  ])('%s → %s', (model, family) => {
    expect(familyForModel(model)?.name).toBe(family);
  });

  test('general models speak heed’s JSON', () => {
    for (const m of ['gpt-4o', 'gemini-2.5-pro', 'claude-sonnet-4', 'llama-3.2-11b-vision'])
      expect(familyForModel(m)).toBeUndefined();
    expect(resolveFamily({ model: 'gpt-4o', coords: 'pixels' }).name).toBe('json');
    expect(resolveFamily({ model: 'gemini-2.5-pro', coords: 'norm1000' }).regime).toBe('norm1000');
  });

  test('a UI-TARS name without a version is refused, with the choices named, because v1.0 and 1.5 read (x,y) differently', () => {
    expect(() => familyForModel('ui-tars')).toThrow(
      /not which version[\s\S]*ui-tars-1\.0, ui-tars-1\.5 or ui-tars-doubao/,
    );
    expect(resolveFamily({ model: 'ui-tars', coords: 'pixels', family: 'ui-tars-1.5' }).name).toBe('ui-tars-1.5');
  });

  test('precedence: --family ?? HEED_AGENT_FAMILY ?? model name; unknown names are refused with the list', () => {
    const env = loadConfig({ HEED_AGENT_FAMILY: 'autoglm' }).llm.agent;
    expect(resolveLlmConfig('agent', { model: 'Qwen2.5-VL-7B' }, env)?.family).toBe('autoglm');
    expect(resolveLlmConfig('agent', { model: 'Qwen2.5-VL-7B', family: 'mai-ui' }, env)?.family).toBe('mai-ui');
    expect(resolveLlmConfig('agent', { model: 'Qwen2.5-VL-7B' }, {})?.family).toBeUndefined();
    expect(loadConfig({ HEED_USER_FAMILY: 'autoglm' }).llm.user.family).toBeUndefined();
    expect(() => loadConfig({ HEED_AGENT_FAMILY: 'uitars' })).toThrow(/HEED_AGENT_FAMILY must be json, ui-tars-1\.0/);
    expect(() => resolveLlmConfig('agent', { model: 'm', family: 'uitars' })).toThrow(/--family must be one of json,/);
  });

  test('the registry has exactly the families src/core/vocab.ts names', () => {
    expect(['json', ...NATIVE.map((f) => f.name)]).toEqual([...MODEL_FAMILIES]);
    expect(FAMILY_NAMES).toHaveLength(18);
  });
});
