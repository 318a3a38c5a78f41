// The approval page: one self-contained HTML document (no external assets), served only with the run's token. On a
// phone the question and its answers come first and the screen below them; in an eval it names the episode (task,
// persona, policy) and groups the timeline per episode; when the run ends it says how, instead of going silent.
// Everything from the run is set as text (textContent), never parsed as HTML.
import { PAGE_SCRIPT } from './web-page-script.js';

export const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>heed — approvals</title>
<style>
  :root { --ink:#1f1f1f; --muted:#5f6368; --line:#dadce0; --accent:#0b57d0; --warn:#b3261e; --ok:#146c2e; --bg:#f8fafd; --ask-bg:#e8f0fe; }
  * { box-sizing: border-box; }
  body { margin:0; font: 16px/1.45 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Noto Sans", Arial, sans-serif; color:var(--ink); background:var(--bg); overflow-wrap:anywhere; }
  header { padding: 10px 16px; background:#fff; border-bottom:1px solid var(--line); display:flex; flex-wrap:wrap; gap:4px 12px; align-items:baseline; }
  header h1 { font-size:18px; margin:0; }
  #conn { color:var(--muted); font-size:14px; }
  main { display:grid; grid-template-columns: minmax(240px, 360px) minmax(0, 1fr); grid-template-areas: "phone request" "phone timeline"; grid-template-rows: auto 1fr; align-items:start; gap:16px; padding:16px; max-width:1200px; margin:0 auto; }
  #request { grid-area: request; } #screen { grid-area: phone; } #run { grid-area: timeline; }
  @media (max-width: 720px) {
    main { grid-template-columns: minmax(0, 1fr); grid-template-areas: "request" "phone" "timeline"; padding:8px; gap:10px; }
    #phone { max-width: 300px; margin: 0 auto; }
  }
  section { background:#fff; border:1px solid var(--line); border-radius:12px; padding:12px 16px; min-width:0; }
  h2 { font-size:16px; margin:0 0 8px; }
  #phone { position:relative; overflow:hidden; border-radius:8px; }
  #phone img { width:100%; display:block; border-radius:8px; border:1px solid var(--line); }
  #phone img[hidden] { display:none; }
  #mark { position:absolute; border:3px solid #e8175d; border-radius:6px; box-shadow:0 0 0 9999px rgba(0,0,0,.25); pointer-events:none; display:none; }
  #dot { position:absolute; width:22px; height:22px; margin:-11px 0 0 -11px; border:3px solid #e8175d; border-radius:50%; display:none; pointer-events:none; }
  #request[data-kind="none"] .when-pending { display:none; }
  #episode { margin:0 0 6px; font-size:14px; color:var(--muted); }
  #episode:empty { display:none; }
  #episode b { color:var(--ink); }
  .topic { display:inline-block; font-size:13px; font-weight:600; padding:2px 10px; border-radius:12px; background:var(--ask-bg); color:var(--accent); margin-bottom:6px; }
  .topic:empty { display:none; }
  #req-title { font-size:19px; margin:0 0 6px; }
  #req-title:focus { outline:none; }
  #req-what { font-size:17px; margin:0 0 2px; }
  #req-lasts, #req-narrow { margin:0 0 4px; color:var(--muted); }
  #req-lasts:empty, #req-narrow:empty, #req-what:empty { display:none; }
  .irreversible { color:var(--warn); font-weight:600; margin:4px 0; }
  details.more { margin:6px 0; font-size:14px; }
  details.more summary { cursor:pointer; color:var(--muted); }
  details.more dl { display:grid; grid-template-columns: max-content minmax(0, 1fr); gap:2px 12px; margin:6px 0; }
  details.more dt { color:var(--muted); }
  details.more dd { margin:0; }
  .buttons { display:grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 150px), 1fr)); gap:8px; margin:10px 0 6px; }
  button { font:inherit; padding:8px 12px; min-height:44px; border-radius:14px; border:1px solid var(--line); background:#fff; cursor:pointer; text-align:left; color:var(--ink); }
  button .sub { display:block; font-size:13px; opacity:.85; font-weight:400; }
  button.allow { background:var(--accent); color:#fff; border-color:var(--accent); font-weight:600; }
  button.deny { border-color:var(--warn); color:var(--warn); font-weight:600; }
  button kbd { font: 12px ui-monospace, monospace; opacity:.8; margin-left:6px; }
  .buttons.options button { text-align:center; }
  :focus-visible { outline:3px solid #e8175d; outline-offset:2px; }
  input[type=text] { font:inherit; padding:10px; border:1px solid var(--line); border-radius:8px; width:100%; min-height:44px; min-width:0; }
  form { display:grid; grid-template-columns: minmax(0, 1fr) auto; gap:4px 8px; margin-top:8px; }
  form label { grid-column: 1 / -1; }
  form button { text-align:center; }
  #status { min-height:1.5em; color:var(--muted); margin:6px 0 0; }
  #status.error { color:var(--warn); }
  #ended { margin:0 0 8px; padding:8px 12px; border-radius:8px; background:#f1f3f4; }
  #ended[hidden] { display:none; }
  #ended.success { background:#e6f4ea; color:var(--ok); }
  #ended.failed { background:#fce8e6; color:var(--warn); }
  #ended ul { margin:4px 0 0; padding:0; list-style:none; color:var(--ink); }
  #timeline { max-height:50vh; overflow:auto; font-size:14px; }
  #timeline ol { list-style:none; padding:0; margin:0; }
  #timeline li { padding:4px 0; border-bottom:1px solid #f1f3f4; }
  #timeline .d { color:var(--muted); }
  #timeline details { border-bottom:1px solid var(--line); padding:4px 0; }
  #timeline summary { cursor:pointer; font-weight:600; }
  #timeline summary .end { font-weight:400; color:var(--muted); }
  .countdown { color:var(--muted); font-size:14px; }
</style>
</head>
<body>
<header><h1>heed — approvals</h1><span id="conn" role="status">connecting…</span></header>
<main>
  <section id="request" data-kind="none" aria-live="assertive">
    <p id="ended" hidden></p>
    <p id="episode"></p>
    <span class="topic" id="req-topic"></span>
    <h2 id="req-title" tabindex="-1">Nothing to approve</h2>
    <div class="when-pending">
      <p id="req-what"></p>
      <p id="req-lasts"></p>
      <p id="req-narrow"></p>
      <div id="req-note"></div>
      <div class="buttons" id="req-buttons"></div>
      <form id="req-form" autocomplete="off">
        <label for="req-text" id="req-text-label" class="countdown">Or tell heed what to do instead</label>
        <input type="text" id="req-text" name="text" aria-labelledby="req-text-label">
        <button type="submit">Send <kbd>Enter</kbd></button>
      </form>
      <details class="more"><summary>Details for the curious</summary><dl id="req-details"></dl></details>
      <p class="countdown" id="countdown"></p>
    </div>
    <p id="status" role="status"></p>
  </section>
  <section id="screen" aria-label="Phone screen">
    <h2>The screen heed asks about</h2>
    <div id="phone"><img id="frame" alt="The phone screen as the agent sees it" hidden><div id="mark"></div><div id="dot"></div></div>
    <p id="noframe" class="countdown">No screen yet.</p>
  </section>
  <section id="run" aria-label="Run so far">
    <h2>Run so far</h2>
    <div id="timeline"></div>
  </section>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
