// heed as a library: `import { Heed } from 'heed'`. What a user composes: a device, a policy from a model config, a
// profile and memory, a user channel, the agent loop, the consent classifier, tasks and an evaluation. Everything
// here is public API (semver); anything not exported is internal.

// The friendly facade: one object, `await heed.act('…')`.
export { Heed, HeedRunError, inspectScreen, type HeedOptions, type ScreenReport } from './agent/heed.js';

// Errors and exit codes.
export { HeedError } from './core/errors.js';
export { EXIT, type ExitCode } from './core/exit.js';
export * from './core/vocab.js';

// Devices: the simulated phone behind an embedded Appium server, an emulator, or any Appium URL.
export { openDevice, type OpenDeviceOptions } from './device/open.js';
export type { Device, DeviceAction, Observation, InstalledApp } from './device/device.js';
export { AppiumDevice } from './device/appium-device.js';
export { startAppium, type AppiumServer, type AppiumServerOptions } from './device/appium-server.js';
export { parseUiTree, type UiElement, type UiTree, type Bounds } from './device/ui-tree.js';

// Policies: a model over any OpenAI-compatible endpoint, or a task's reference steps.
export { resolveLlmConfig, describeLlm, type LlmConfig, type LlmOptions, type Slot } from './policy/llm/config.js';
export { LlmClient } from './policy/llm/client.js';
export { Cassette } from './policy/llm/cassette.js';
export { ModelPolicy } from './policy/model-policy.js';
export { ReferencePolicy } from './policy/reference-policy.js';
// The optional guard model (HEED_GUARD_MODEL): a second look at the steps heed's rules did not flag.
export { GuardModel, type Guard, type GuardInput, type GuardReview } from './policy/guard.js';
export type { Policy, Proposal, StepContext, HistoryItem } from './policy/policy.js';
export { Action, ACTIONS, validateAction, actionJsonSchema, type ActionName } from './policy/actions.js';

// Profiles and memory.
export { loadProfile, parseProfile, profileNames } from './profile/load.js';
export { Profile } from './profile/schema.js';
export { Memory, type MemoryEntry } from './profile/memory.js';

// The consent classifier.
export { classify, consentPoints, isPermissionScreen } from './consent/classify.js';
export type { Sensitivity, Step } from './consent/types.js';

// Users: who answers consent requests and questions.
export type { UserChannel, ConsentRequest, Question, Screen } from './user/channel.js';
export { ScriptedUser } from './user/scripted.js';
export { SimulatedUser } from './user/simulated.js';
export { TerminalUser } from './user/terminal.js';
export { WebUser, type WebUserOptions } from './user/web.js';

// The agent loop and its run directory.
export { runAgent, type RunOptions, type RunResult } from './agent/loop.js';
export { Recorder, runDirName, type StepRecord } from './agent/recorder.js';
export { assemble, type SessionOptions } from './agent/session.js';

// Tasks, suites and evaluation.
export { loadTask, runChecks, taskInstruction, Task, Check, type CheckResult } from './tasks/task.js';
export { loadSuite, type Suite, type SuiteFilter } from './tasks/suite.js';
export { runEval, loadPersonas, type EvalOptions } from './eval/runner.js';
export { buildResults, type Results } from './eval/results.js';
export { METRICS, formatMetric, type MetricDef } from './eval/metric-defs.js';

// Reports: a run's or an eval's report.html from its folder, summary.md, serving a folder on 127.0.0.1.
export { writeReports, writeEvalReport } from './report/write.js';
export { writeRunReport } from './report/run-report.js';
export { renderFolder, type Rendered } from './report/render.js';
export { serveReport, type ServedReport } from './report/serve.js';
export type { EpisodeRecord, PolicyKind, Split } from './eval/types.js';
