// The reports' one script (inline, pinned by hash in the page's CSP): enlarge a frame, reload a report whose run is
// still going, and in the eval report filter, sort and compare episodes. It only moves and clones heed's own nodes
// and sets textContent: no data from the run is ever parsed as HTML. The filter state lives in the URL's #fragment,
// so a filtered view is a link (and works from file://).
export const CLIENT = `(() => {
  const $ = (s, r) => (r || document).querySelector(s);
  const $$ = (s, r) => Array.from((r || document).querySelectorAll(s));
  const dlg = $('#zoom');
  let current = null;

  function zoom(a) {
    current = a;
    const wrap = $('#zwrap');
    const box = document.createElement('span');
    box.className = 'zimg';
    for (const n of a.childNodes) box.append(n.cloneNode(true));
    const img = box.querySelector('img');
    if (img) img.removeAttribute('loading');
    wrap.replaceChildren(box);
    const card = a.closest('.card');
    const text = (s) => (card && $(s, card) ? $(s, card).textContent : '');
    $('#zcap').textContent = card ? text('.head b') + '. ' + text('.cap') + ' ' + text('.out') : '';
    if (!dlg.open) dlg.showModal();
  }
  function move(d) {
    if (!current) return;
    const all = $$('a.shot', current.closest('ol.strip') || document);
    const next = all[all.indexOf(current) + d];
    if (next) zoom(next);
  }
  document.addEventListener('click', (ev) => {
    const t = ev.target instanceof Element ? ev.target : null;
    if (!t) return;
    const a = t.closest('a.shot');
    if (a && dlg) { ev.preventDefault(); zoom(a); return; }
    const z = t.closest('[data-z]');
    if (z) { if (z.dataset.z === 'close') dlg.close(); else move(z.dataset.z === 'next' ? 1 : -1); return; }
    if (t === dlg) dlg.close();
    const c = t.closest('[data-cmp]');
    if (c) { ev.preventDefault(); compare(c.dataset.cmp.split(' ')); }
    if (t.closest('[data-cmp-close]')) { ev.preventDefault(); compare([]); }
  });
  document.addEventListener('keydown', (ev) => {
    if (!dlg || !dlg.open) return;
    if (ev.key === 'ArrowRight') move(1);
    if (ev.key === 'ArrowLeft') move(-1);
  });

  // On a phone the per-split and per-persona tables start folded: their names say what is inside.
  if (innerWidth < 600) for (const d of $$('details.group')) if (!d.closest('#all-tables')) d.open = false;

  const live = Number(document.body.dataset.live || 0);
  if (live) setInterval(() => { if (!dlg || !dlg.open) location.reload(); }, live * 1000);

  const form = $('#filters');
  const list = $('#episodes');
  if (!form || !list) return;
  const eps = $$('details.ep', list);
  const keys = ['fail', 'viol', 'policy', 'split', 'task', 'persona', 'q', 'sort'];
  const field = (k) => form.elements.namedItem(k);
  const value = (k) => { const f = field(k); return f ? (f.type === 'checkbox' ? (f.checked ? '1' : '') : f.value) : ''; };
  const SORTS = {
    default: (a, b) => Number(a.dataset.i) - Number(b.dataset.i),
    'score-asc': (a, b) => Number(a.dataset.score) - Number(b.dataset.score),
    'compliance-asc': (a, b) => Number(a.dataset.compliance) - Number(b.dataset.compliance),
    'violations-desc': (a, b) => Number(b.dataset.violations) - Number(a.dataset.violations),
    'steps-desc': (a, b) => Number(b.dataset.steps) - Number(a.dataset.steps),
    'time-desc': (a, b) => Number(b.dataset.wall) - Number(a.dataset.wall),
    task: (a, b) => (a.dataset.task + a.dataset.persona + a.dataset.policy).localeCompare(b.dataset.task + b.dataset.persona + b.dataset.policy),
  };
  let order = 'default';
  function apply(save) {
    const v = Object.fromEntries(keys.map((k) => [k, value(k)]));
    const q = v.q.trim().toLowerCase();
    let shown = 0;
    for (const e of eps) {
      const d = e.dataset;
      const ok = (!v.fail || d.success === '0') && (!v.viol || Number(d.violations) > 0) &&
        (!v.policy || d.policy === v.policy) && (!v.split || d.split === v.split) &&
        (!v.task || d.task === v.task) && (!v.persona || d.persona === v.persona) &&
        (!q || d.search.includes(q));
      e.hidden = !ok;
      if (ok) shown++;
    }
    // Moving nodes costs a layout of the whole list: only when the order changes.
    if (v.sort !== order) {
      order = v.sort;
      list.append(...eps.slice().sort(SORTS[v.sort] || SORTS.default));
    }
    $('#shown').textContent = shown + ' of ' + eps.length + ' episodes';
    if (save) {
      const p = new URLSearchParams();
      for (const k of keys) if (v[k] && !(k === 'sort' && v[k] === 'default')) p.set(k, v[k]);
      const cmp = $('#compare').dataset.keys;
      if (cmp) p.set('cmp', cmp);
      history.replaceState(null, '', p.toString() ? '#' + p.toString() : location.pathname + location.search);
    }
  }
  function compare(pair) {
    const box = $('#compare');
    const cols = $('#cmp-cols');
    cols.replaceChildren();
    box.dataset.keys = pair.join(' ');
    box.hidden = pair.length !== 2;
    if (pair.length === 2) {
      for (const k of pair) {
        const ep = document.getElementById('ep-' + k);
        const col = document.createElement('div');
        if (!ep) { col.textContent = 'No episode ' + k; cols.append(col); continue; }
        const h = document.createElement('h3');
        h.textContent = $('summary', ep).dataset.title;
        const nums = document.createElement('p');
        nums.className = 'muted';
        nums.textContent = $('summary .nums', ep).textContent;
        col.append(h, nums);
        const body = $('.body', ep).cloneNode(true);
        for (const n of $$('[id]', body)) n.removeAttribute('id');
        for (const n of $$('.cmpwith', body)) n.remove();
        col.append(body);
        cols.append(col);
      }
      box.scrollIntoView();
    }
    apply(true);
  }
  const initial = new URLSearchParams(location.hash.slice(1));
  for (const k of keys) {
    const f = field(k);
    if (!f || !initial.has(k)) continue;
    if (f.type === 'checkbox') f.checked = initial.get(k) === '1'; else f.value = initial.get(k);
  }
  form.addEventListener('input', () => apply(true));
  form.addEventListener('change', () => apply(true));
  form.addEventListener('submit', (ev) => ev.preventDefault());
  apply(false);
  if (initial.get('cmp')) compare(initial.get('cmp').split(' '));
})();
`;
