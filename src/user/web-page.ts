// The approval page: one self-contained HTML document (no external assets), served only with the run's token.
export const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>heed — approvals</title>
<style>
  :root { --ink:#1f1f1f; --muted:#5f6368; --line:#dadce0; --accent:#0b57d0; --warn:#b3261e; --ok:#146c2e; --bg:#f8fafd; }
  * { box-sizing: border-box; }
  body { margin:0; font: 16px/1.45 system-ui, "DejaVu Sans", sans-serif; color:var(--ink); background:var(--bg); }
  header { padding: 12px 16px; background:#fff; border-bottom:1px solid var(--line); display:flex; gap:12px; align-items:baseline; }
  header h1 { font-size:18px; margin:0; }
  #conn { color:var(--muted); font-size:14px; }
  main { display:grid; grid-template-columns: minmax(220px, 360px) 1fr; gap:16px; padding:16px; max-width:1200px; margin:0 auto; }
  @media (max-width: 720px) { main { grid-template-columns: 1fr; padding:8px; } #phone { max-width: 320px; margin: 0 auto; } }
  section { background:#fff; border:1px solid var(--line); border-radius:12px; padding:12px 16px; }
  h2 { font-size:16px; margin:0 0 8px; }
  #phone { position:relative; overflow:hidden; border-radius:8px; }
  #phone img { width:100%; display:block; border-radius:8px; border:1px solid var(--line); }
  #mark { position:absolute; border:3px solid #e8175d; border-radius:6px; box-shadow:0 0 0 9999px rgba(0,0,0,.25); pointer-events:none; display:none; }
  #dot { position:absolute; width:22px; height:22px; margin:-11px 0 0 -11px; border:3px solid #e8175d; border-radius:50%; display:none; pointer-events:none; }
  #request[data-kind="none"] .when-pending { display:none; }
  #request dl { display:grid; grid-template-columns: max-content 1fr; gap:4px 12px; margin:8px 0; }
  #request dt { color:var(--muted); }
  #request dd { margin:0; overflow-wrap:anywhere; }
  .irreversible { color:var(--warn); font-weight:600; }
  .buttons { display:flex; flex-wrap:wrap; gap:8px; margin:8px 0; }
  button { font:inherit; padding:10px 14px; min-height:44px; border-radius:22px; border:1px solid var(--line); background:#fff; cursor:pointer; }
  button.allow { background:var(--accent); color:#fff; border-color:var(--accent); }
  button.deny { border-color:var(--warn); color:var(--warn); }
  button kbd { font: 12px ui-monospace, monospace; opacity:.8; margin-left:6px; }
  :focus-visible { outline:3px solid #e8175d; outline-offset:2px; }
  input[type=text] { font:inherit; padding:10px; border:1px solid var(--line); border-radius:8px; width:100%; min-height:44px; }
  form { display:grid; grid-template-columns: 1fr auto; gap:4px 8px; margin-top:8px; }
  form label { grid-column: 1 / -1; }
  #status { min-height:1.5em; color:var(--muted); }
  #status.error { color:var(--warn); }
  #timeline { list-style:none; padding:0; margin:0; max-height:40vh; overflow:auto; font-size:14px; }
  #timeline li { padding:4px 0; border-bottom:1px solid #f1f3f4; }
  #timeline .d { color:var(--muted); }
  .countdown { color:var(--muted); font-size:14px; }
</style>
</head>
<body>
<header><h1>heed — approvals</h1><span id="conn" role="status">connecting…</span></header>
<main>
  <section aria-label="Phone screen">
    <h2>Phone</h2>
    <div id="phone"><img id="frame" alt="The phone screen as the agent sees it" hidden><div id="mark"></div><div id="dot"></div></div>
    <p id="noframe" class="countdown">No screen yet.</p>
  </section>
  <div>
    <section id="request" data-kind="none" aria-live="assertive">
      <h2 id="req-title" tabindex="-1">Nothing to approve</h2>
      <div class="when-pending">
        <dl id="req-details"></dl>
        <div class="buttons" id="req-buttons"></div>
        <form id="req-form" autocomplete="off">
          <label for="req-text" id="req-text-label" class="countdown">Or tell heed what to do instead</label>
          <input type="text" id="req-text" name="text" aria-labelledby="req-text-label">
          <button type="submit">Send <kbd>Enter</kbd></button>
        </form>
        <p class="countdown" id="countdown"></p>
      </div>
      <p id="status" role="status"></p>
    </section>
    <section aria-label="Run so far" style="margin-top:16px">
      <h2>Run so far</h2>
      <ol id="timeline"></ol>
    </section>
  </div>
</main>
<script>
(() => {
  const token = new URLSearchParams(location.search).get('token') || '';
  history.replaceState(null, '', location.pathname); // keep the token out of the address bar and history
  const $ = (id) => document.getElementById(id);
  let state = { pending: null, screen: null, timeline: [] };
  let shownId = null;

  function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }

  async function answer(body) {
    if (!state.pending) return;
    $('status').className = ''; $('status').textContent = 'Sending…';
    try {
      const r = await fetch('/answer', { method: 'POST', headers: { 'content-type': 'application/json', 'x-heed-token': token }, body: JSON.stringify({ id: state.pending.id, ...body }) });
      const t = await r.text();
      $('status').className = r.ok ? '' : 'error';
      $('status').textContent = r.ok ? 'Answer sent.' : t;
    } catch (e) { $('status').className = 'error'; $('status').textContent = 'Could not reach heed: ' + e.message; }
  }

  function renderRequest() {
    const p = state.pending, box = $('request');
    box.dataset.kind = p ? p.kind : 'none';
    const details = $('req-details'), buttons = $('req-buttons');
    details.replaceChildren(); buttons.replaceChildren();
    if (!p) { $('req-title').textContent = 'Nothing to approve'; shownId = null; return; }
    const add = (k, v, cls) => { details.append(el('dt', k)); details.append(el('dd', v, cls)); };
    if (p.kind === 'consent') {
      const r = p.request;
      $('req-title').textContent = 'heed needs your consent: ' + r.category.replace(/_/g, ' ');
      const x = r.explanation;
      if (x) { add('In plain words', x.what + ' (' + x.lasts + ')'); if (x.narrower) add('Narrower choice', x.narrower); add('If you do not answer', x.defaultText); }
      add('App', r.appLabel ? r.appLabel + ' (' + r.app + ')' : r.app); add('About to', r.action); add('Would grant', r.grant); add('Evidence', r.evidence); add('Why heed asks', r.reason);
      if (r.irreversible) add('Note', 'This cannot be undone.', 'irreversible');
      const b = (label, key, kind, cls) => { const x = el('button', label, cls); x.append(el('kbd', key)); x.type = 'button'; x.dataset.answer = kind; x.onclick = () => answer({ answer: kind }); buttons.append(x); };
      b('Allow', 'y', 'allow', 'allow'); b('Only this time', 'o', 'allow_once', 'allow'); b('Always allow', 'a', 'always', 'allow'); b('Deny', 'd', 'deny', 'deny'); b('Never', 'n', 'never', 'deny');
      $('req-text-label').textContent = 'Or tell heed what to do instead (i)';
    } else {
      $('req-title').textContent = 'heed asks: ' + p.question.question;
      (p.question.options || []).forEach((o, i) => { const x = el('button', o); x.type = 'button'; if (i < 9) x.append(el('kbd', String(i + 1))); x.onclick = () => answer({ text: o }); buttons.append(x); });
      $('req-text-label').textContent = 'Your answer (i)';
    }
    if (shownId !== p.id) { shownId = p.id; $('status').textContent = ''; $('req-text').value = ''; $('req-title').focus(); }
  }

  function renderScreen() {
    const s = state.screen, img = $('frame');
    if (!s) return;
    $('noframe').hidden = true; img.hidden = false;
    const src = '/frame.jpg?token=' + encodeURIComponent(token) + '&v=' + s.version;
    if (img.dataset.v !== String(s.version)) { img.src = src; img.dataset.v = String(s.version); }
    const mark = $('mark'), dot = $('dot');
    mark.style.display = s.box && state.pending ? 'block' : 'none';
    dot.style.display = s.point && state.pending ? 'block' : 'none';
    if (s.box) { const [l, t, r, b] = s.box; Object.assign(mark.style, { left: (l / s.width * 100) + '%', top: (t / s.height * 100) + '%', width: ((r - l) / s.width * 100) + '%', height: ((b - t) / s.height * 100) + '%' }); }
    if (s.point) { Object.assign(dot.style, { left: (s.point.x / s.width * 100) + '%', top: (s.point.y / s.height * 100) + '%' }); }
  }

  function renderTimeline() {
    const ol = $('timeline');
    ol.replaceChildren(...state.timeline.map((e) => { const li = el('li'); li.append(el('strong', e.step + '. ')); li.append(document.createTextNode(e.action + ' → ' + e.outcome)); if (e.decision) li.append(el('span', '  [' + e.decision + ']', 'd')); return li; }));
    ol.scrollTop = ol.scrollHeight;
  }

  setInterval(() => {
    const p = state.pending;
    $('countdown').textContent = p ? 'If nobody answers in ' + Math.max(0, Math.round((p.deadline - Date.now()) / 1000)) + ' s, heed ' + (p.kind === 'consent' ? 'denies.' : 'goes on without an answer.') : '';
  }, 500);

  $('req-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = $('req-text').value.trim();
    if (!state.pending || !v) return;
    answer(state.pending.kind === 'consent' ? { instead: v } : { text: v });
  });

  document.addEventListener('keydown', (ev) => {
    if (!state.pending || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target instanceof HTMLInputElement) return; // typing is typing
    const k = ev.key.toLowerCase();
    if (k === 'i') { ev.preventDefault(); $('req-text').focus(); return; }
    if (state.pending.kind === 'consent') {
      const map = { y: 'allow', o: 'allow_once', a: 'always', d: 'deny', n: 'never' };
      if (map[k]) { ev.preventDefault(); answer({ answer: map[k] }); }
    } else if (/^[1-9]$/.test(k)) {
      const o = (state.pending.question.options || [])[Number(k) - 1];
      if (o) { ev.preventDefault(); answer({ text: o }); }
    }
  });

  const es = new EventSource('/events?token=' + encodeURIComponent(token));
  es.addEventListener('state', (ev) => { state = JSON.parse(ev.data); $('conn').textContent = 'connected'; renderRequest(); renderScreen(); renderTimeline(); });
  es.onerror = () => { $('conn').textContent = 'disconnected — is the run still going?'; };
})();
</script>
</body>
</html>
`;
