// The approval page's script. It reads state from server-sent events and answers by JSON POST with the token in a
// header. Data from the run is only ever set as textContent. (Kept free of backticks: it lives in a template string.)
export const PAGE_SCRIPT = `
(() => {
  const token = new URLSearchParams(location.search).get('token') || '';
  history.replaceState(null, '', location.pathname); // keep the token out of the address bar and history
  const $ = (id) => document.getElementById(id);
  let state = { pending: null, screen: null, timeline: [], episodes: [], ended: null };
  let shownId = null;
  /** Episode groups the person opened or closed themselves: their choice stands. */
  const chosen = new Map();

  function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = text; if (cls) e.className = cls; return e; }
  const words = (s) => String(s || '').replace(/_/g, ' ');
  const appName = (r) => r.appLabel || String(r.app || '').split('.').pop();
  const remembers = (r) => r.category !== 'unknown';

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

  function episodeLine(c) {
    const p = $('episode');
    p.replaceChildren();
    if (!c) return;
    p.append('For task ', el('b', c.task), ' · persona ', el('b', c.persona), ' · policy ', el('b', c.policy));
  }

  function button(label, sub, key, kind, cls) {
    const x = el('button', null, cls); x.type = 'button'; x.dataset.answer = kind; x.dataset.key = key;
    x.append(label, el('kbd', key), el('span', sub, 'sub'));
    x.onclick = () => answer({ answer: kind });
    return x;
  }

  function renderRequest() {
    const p = state.pending, box = $('request');
    box.dataset.kind = p ? p.kind : 'none';
    const details = $('req-details'), buttons = $('req-buttons');
    details.replaceChildren(); buttons.replaceChildren(); buttons.className = 'buttons';
    for (const id of ['req-what', 'req-lasts', 'req-narrow', 'req-note', 'req-topic']) $(id).replaceChildren();
    episodeLine(p && p.episode);
    if (!p) { $('req-title').textContent = state.ended ? 'Nothing more to approve' : 'Nothing to approve'; shownId = null; return; }
    const add = (k, v) => { if (v === undefined || v === null || v === '') return; details.append(el('dt', k)); details.append(el('dd', String(v))); };
    if (p.kind === 'consent') {
      const r = p.request, app = appName(r);
      const c = p.topic || words(r.category);
      $('req-topic').textContent = c + ' · ' + app;
      $('req-title').textContent = r.label ? 'Let heed tap “' + r.label + '” in ' + app + '?' : 'Let heed do this in ' + app + '?';
      if (r.explanation) {
        $('req-what').textContent = r.explanation.what;
        $('req-lasts').textContent = 'That lasts ' + r.explanation.lasts + '.';
        if (r.explanation.narrower) $('req-narrow').textContent = 'A narrower choice is on the screen: ' + r.explanation.narrower + '.';
      }
      if (r.irreversible) $('req-note').append(el('p', 'This cannot be undone.', 'irreversible'));
      const lasting = r.explanation && r.explanation.lasting;
      buttons.append(
        lasting && r.label
          ? button('Yes, tap “' + r.label + '”', app + ' keeps it ' + r.explanation.lasts + '; heed asks again next time', 'y', 'allow', 'allow')
          : button('Yes, this time', 'heed does this step; it asks again next time', 'o', 'allow_once', 'allow'),
        ...(lasting && r.label && r.explanation.narrower
          ? [button('Only this time instead', 'heed taps the narrower choice the screen has (' + r.explanation.narrower.replace(/^use /, '').replace(/ instead$/, '') + ')', 'o', 'allow_once', 'allow')]
          : []));
      // heed remembers no answer about a step it cannot name (the gate and memory refuse to): offer no "always" or
      // "never" that would promise otherwise.
      if (remembers(r)) buttons.append(button('Yes, always in ' + app, 'heed remembers, and does not ask about ' + c + ' in ' + app + ' again', 'a', 'always', 'allow'));
      buttons.append(button('No', 'heed does not do it, and does not ask again in this run', 'd', 'deny', 'deny'));
      if (remembers(r)) buttons.append(button('Never in ' + app, 'heed remembers, and always says no to ' + c + ' in ' + app, 'n', 'never', 'deny'));
      else $('req-note').append(el('p', 'heed cannot tell what this step grants, so no answer about it is remembered after this run.', 'countdown'));
      add('Action', r.action); add('App', r.app); add('Category', r.category); add('Would grant', r.grant); add('Evidence', r.evidence); add('Why heed asks', r.reason);
      $('req-text-label').textContent = 'Or tell heed what to do instead (i)';
    } else {
      $('req-title').textContent = 'heed asks: ' + p.question.question;
      buttons.className = 'buttons options';
      (p.question.options || []).forEach((o, i) => { const x = el('button', o); x.type = 'button'; if (i < 9) x.append(el('kbd', String(i + 1))); x.onclick = () => answer({ text: o }); buttons.append(x); });
      $('req-text-label').textContent = 'Your answer (i)';
    }
    if (shownId !== p.id) { shownId = p.id; $('status').textContent = ''; $('req-text').value = ''; $('req-title').focus(); }
    countdown();
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

  function line(e) {
    const li = el('li'); li.append(el('strong', e.step + '. '), document.createTextNode(e.action + ' → ' + e.outcome));
    if (e.decision) li.append(el('span', ' · ' + e.decision, 'd'));
    return li;
  }

  function renderTimeline() {
    const box = $('timeline');
    box.replaceChildren();
    const loose = state.timeline.filter((e) => !e.episode);
    if (loose.length) { const ol = el('ol'); ol.append(...loose.map(line)); box.append(ol); }
    const current = state.pending && state.pending.episode ? state.pending.episode.id : null;
    state.episodes.forEach((ep, i) => {
      const d = el('details'); d.dataset.id = ep.id;
      const last = i === state.episodes.length - 1;
      d.open = chosen.has(ep.id) ? chosen.get(ep.id) : ep.id === current || (last && !ep.end);
      const sum = el('summary', ep.task + ' · ' + ep.persona + ' · ' + ep.policy + ' ');
      sum.addEventListener('click', () => chosen.set(ep.id, !d.open));
      sum.append(el('span', ep.end ? (ep.end.outcome === 'success' ? '✓ ' : '✗ ') + ep.end.outcome : 'running…', 'end'));
      const ol = el('ol'); ol.append(...state.timeline.filter((e) => e.episode === ep.id).map(line));
      if (ep.end) ol.append(el('li', '■ ' + ep.end.message));
      d.append(sum, ol); box.append(d);
    });
    box.scrollTop = box.scrollHeight;
  }

  function renderEnded() {
    const e = state.ended, p = $('ended');
    p.hidden = !e; if (!e) return;
    if (!state.pending) $('status').textContent = '';
    p.className = e.outcome === 'success' ? 'success' : e.outcome === 'failed' || e.outcome === 'error' ? 'failed' : '';
    p.replaceChildren(el('strong', 'The run has ended: ' + e.outcome), document.createTextNode(' — ' + e.message));
    if (e.checks && e.checks.length) { const ul = el('ul'); ul.append(...e.checks.map((c) => el('li', (c.pass ? '✓ ' : '✗ ') + c.description))); p.append(ul); }
  }

  /** Time left and what no answer means: painted with the request, then every half second. */
  function countdown() {
    const p = state.pending;
    const after = p && p.kind === 'consent' ? (p.request.explanation ? p.request.explanation.defaultText : 'No answer means deny.') : 'No answer: heed goes on without one.';
    $('countdown').textContent = p ? Math.max(0, Math.round((p.deadline - Date.now()) / 1000)) + ' s left. ' + after : '';
  }
  setInterval(countdown, 500);

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
      // The keys of the answers shown, and no others: a key never answers what the page does not offer.
      const map = {};
      for (const b of $('req-buttons').querySelectorAll('button[data-key]')) map[b.dataset.key] = b.dataset.answer;
      if (map[k]) { ev.preventDefault(); answer({ answer: map[k] }); }
    } else if (/^[1-9]$/.test(k)) {
      const o = (state.pending.question.options || [])[Number(k) - 1];
      if (o) { ev.preventDefault(); answer({ text: o }); }
    }
  });

  const es = new EventSource('/events?token=' + encodeURIComponent(token));
  es.addEventListener('state', (ev) => { state = JSON.parse(ev.data); $('conn').textContent = state.ended ? 'the run has ended' : 'connected'; renderEnded(); renderRequest(); renderScreen(); renderTimeline(); });
  es.onerror = () => {
    if (state.ended) { es.close(); $('conn').textContent = 'the run has ended; this page no longer updates'; return; }
    $('conn').textContent = 'disconnected — is the run still going?';
  };
})();
`;
