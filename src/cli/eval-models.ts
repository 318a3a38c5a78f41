// The model slots of `heed eval`: agent, user simulator, judge and the optional guard, each `option ?? HEED_<ROLE>_*
// ?? none`, with a warning where a model would grade or stand in for itself.
import type { HeedConfig } from '../core/config.js';
import { HeedError } from '../core/errors.js';
import { resolveFamily } from '../policy/families/index.js';
import { resolveLlmConfig, type LlmConfig } from '../policy/llm/config.js';

export interface EvalModels {
  agent?: LlmConfig;
  userModel?: LlmConfig;
  judgeModel?: LlmConfig;
  guardModel?: LlmConfig;
}

type ModelValues = Partial<
  Record<'model' | 'family' | 'base-url' | 'user-model' | 'judge-model' | 'guard-model', string>
>;

export function evalModels(values: ModelValues, config: HeedConfig, say: (s: string) => void): EvalModels {
  const named = (model: string | undefined) => (model ? { model } : {});
  const agent = resolveLlmConfig(
    'agent',
    {
      ...named(values.model),
      ...(values.family ? { family: values.family } : {}),
      ...(values['base-url'] ? { baseURL: values['base-url'] } : {}),
    },
    config.llm.agent,
  );
  for (const flag of ['family', 'base-url'] as const)
    if (values[flag] && !agent)
      throw new HeedError(
        `--${flag} ${values[flag]} applies to the agent model, and none is configured`,
        'add --model <name>, or set HEED_AGENT_MODEL',
      );
  // Fail before any episode when the model's family is ambiguous (UI-TARS without a version).
  if (agent) resolveFamily(agent);
  const userModel = resolveLlmConfig('user', named(values['user-model']), config.llm.user);
  const judgeModel = resolveLlmConfig('judge', named(values['judge-model']), config.llm.judge);
  const guardModel = resolveLlmConfig('guard', named(values['guard-model']), config.llm.guard);
  if (agent && userModel && agent.model === userModel.model)
    say(`warning: the user simulator uses the agent's own model (${agent.model}); results flatter the agent`);
  if (agent && judgeModel && agent.model === judgeModel.model)
    say(`warning: the judge uses the agent's own model (${agent.model})`);
  if (agent && guardModel && agent.model === guardModel.model)
    say(`warning: the guard uses the agent's own model (${agent.model}): it is a second look by the same eyes`);
  return {
    ...(agent ? { agent } : {}),
    ...(userModel ? { userModel } : {}),
    ...(judgeModel ? { judgeModel } : {}),
    ...(guardModel ? { guardModel } : {}),
  };
}
