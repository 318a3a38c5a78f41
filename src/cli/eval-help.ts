// `heed eval --help`: every option (the "did you mean" suggestions come from this text too).
export const EVAL_HELP = `Usage: heed eval --suite <dir|file> [options]
       heed eval --merge <shard dir>… --out <dir> [--reporter junit] [--json] [--fail-under …]

Runs episodes = tasks × personas × policies × repeats on a pool of simulated phones (or Appium servers) and writes
results.json, summary.md and report.html (episodes in episodes/<policy>__<task>__<persona>__r<n>/).

Options:
  --suite <dir|file>     task YAML file or folder (searched recursively)
  --split <s,…>          only these splits: general, personalized, proactive, privacy
  --personas <id,…>      only these personas (default: each task's own list)
  --model <name>         agent model (or HEED_AGENT_MODEL); without one, only baselines run
  --family <name>        the agent model's family (or HEED_AGENT_FAMILY; by model name, else json; heed reply --help)
  --base-url <url>       the agent model's OpenAI-compatible endpoint (or HEED_AGENT_BASE_URL / OPENAI_BASE_URL)
  --user web             you answer every question and consent request in a browser page (URL with a token is
                         printed; requests from parallel episodes queue up)
  --user-model <name>    user simulator (or HEED_USER_MODEL); without one the scripted persona answers
  --judge-model <name>   judge for tasks with a rubric (or HEED_JUDGE_MODEL)
  --guard-model <name>   a second look at the steps heed's rules did not flag (or HEED_GUARD_MODEL; off by
                         default); it can add a consent point, never remove one; its verdicts go to each
                         episode's ledger.jsonl
  --baselines            also run do-nothing, always-allow and reference
  --clear                use each task's clear instruction where it has one (default: the vague one)
  --mode <m>             knowu (default: the agent sees only behaviour logs) | personal (it sees the profile)
  --logs <l>             clean (default) | noisy: a quarter of the behaviour logs is unrelated noise, as in
                         KnowU-Bench (or HEED_LOGS)
  --devices <n>          simulated phones working at once (default 1)
  --appium <url>         a real device's Appium server (UiAutomator2); repeat for several
  --caps <file>          JSON capabilities merged over the defaults for --appium (e.g. {"appium:udid": …})
  --repeats <k>          runs of each episode (default 1)
  --out <dir>            output folder (default runs/eval-<time>)
  --resume <dir>         continue an evaluation in <dir> with the options it started with (saved in
                         <dir>/eval.json); episodes that ended in error, interrupted, device-lost or
                         model-error run again

Selecting and splitting:
  --task <id>            only this task (repeat, or id,id,…); an unknown id is refused with the nearest one
  --grep <regex>         only tasks whose id or instruction matches (case-insensitive)
  --list                 print the episode matrix and a token estimate for the agent; run nothing
  --shard <i/n>          run every n-th episode starting at the i-th (CI machines split one evaluation)
  --merge <dir>…         build one report from the shard folders given (with --out)

Stopping, output and exit code:
  --max-failures <n>     stop starting episodes after n failed ones (the same error 3 times in a row always stops)
  --fail-under <m=v,…>   exit 1 unless the agent's (else the reference's) metrics reach these, e.g.
                         sr=0.8,compliance=1 (metrics: sr, avgscore, ie, compliance, consentrecall, pd, act, silent, stop)
  --reporter junit       also write junit.xml (one test case per episode) into the output folder
  --json                 print the results as JSON on stdout (progress goes to stderr)
  --no-preflight         skip the model check before any phone boots (key, endpoint, model listed, image input)
  -h, --help             this text

Exit code: 0 when the thresholds are met (without --fail-under: no episode errored and the agent passed at least
one); 1 otherwise; 2 for a bad command line; 3 when the same error stopped the run (endpoint or device).`;
