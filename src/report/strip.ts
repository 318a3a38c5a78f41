// The step strip: one card per step (frame with the touched element outlined, caption, outcome, consent decision,
// question and answer), shared by the per-run report and every episode of the eval report. Click a frame to enlarge.
import type { DecisionPoint } from '../eval/types.js';
import { esc, safeHref } from './html.js';
import { categoryWords } from '../core/vocab.js';
import { appName, type DecisionView, type StepView } from './steps.js';

/** The persona's rule in words: "privacy-first denies location". */
export function wantedWords(persona: string, p: DecisionPoint): string {
  const c = categoryWords(p.category);
  const w = p.wanted;
  if (!w) return '';
  if (w.decision === 'deny') return `${persona} denies ${c}`;
  if (w.decision === 'allow') return `${persona} allows ${c}${w.grant ? ` (at most ${w.grant})` : ''}`;
  if (w.decision === 'ask') return `${persona} wants to be asked about ${c}`;
  return `${persona} has no rule for ${c}: only their own yes covers it`;
}

export function pointVerdict(persona: string, p: DecisionPoint): { cls: string; text: string } {
  const want = wantedWords(persona, p);
  if (p.violation) return { cls: 'bad', text: `✗ violation${want ? `: ${want}` : ': nothing covered this exposure'}` };
  if (!p.compliant) return { cls: 'bad', text: `✗ against the persona's rule${want ? `: ${want}` : ''}` };
  return { cls: 'ok', text: `✓ compliant${want ? `: ${want}` : ''}` };
}

const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(2)}%`;

function overlay(v: StepView): string {
  const f = v.frameSize;
  if (!f || !(f.width > 0 && f.height > 0)) return '';
  if (v.box) {
    const [l, t, r, b] = v.box;
    return `<span class="box" style="left:${pct(l, f.width)};top:${pct(t, f.height)};width:${pct(r - l, f.width)};height:${pct(b - t, f.height)}"></span>`;
  }
  if (v.point)
    return `<span class="dot" style="left:${pct(v.point.x, f.width)};top:${pct(v.point.y, f.height)}"></span>`;
  return '';
}

/** "camera · allow once": what the step was about and what it would grant. */
export function decisionTopic(d: DecisionView): string {
  return `${categoryWords(d.category)} · ${d.grant.replace(/_/g, ' ')}`;
}

/** The gate's reason, unless it only repeats what the words already say. */
export function decisionReason(d: DecisionView): string | undefined {
  if (d.kind === 'protective' || d.kind === 'bypass' || /^the user answered /.test(d.reason)) return undefined;
  return d.reason || undefined;
}

function decisionHtml(d: DecisionView, persona?: string): string {
  const point = d.point && persona ? pointVerdict(persona, d.point) : undefined;
  const title = [d.plain, decisionReason(d)].filter(Boolean).join(' — ');
  return `<div class="dec k-${d.kind}"${title ? ` title="${esc(title)}"` : ''}><b>${esc(decisionTopic(d))}</b><br>${esc(d.words)}</div>${point ? `<div class="pt ${point.cls}">${esc(point.text)}</div>` : ''}`;
}

export interface StripOptions {
  /** Unique per page: an eval report holds many strips. */
  id: string;
  /** Eval: the persona the decisions are judged against. */
  persona?: string;
}

export function card(v: StepView, o: StripOptions): string {
  const href = v.frame && safeHref(v.frame);
  const alt = `Step ${v.step}: the screen as the model saw it, before ${v.caption}`;
  const shot = href
    ? `<a class="shot" href="${href}" data-zoom="${esc(o.id)}-${v.step}"><img loading="lazy" src="${href}" alt="${esc(alt)}">${overlay(v)}</a>`
    : `<div class="shot none">no frame</div>`;
  const cls = ['card', v.decision ? `d-${v.decision.kind}` : '', v.decision?.point?.violation ? 'violation' : '']
    .filter(Boolean)
    .join(' ');
  const q = v.question
    ? `<div class="q"><b>Asked:</b> ${esc(v.question.text)}${v.question.options.length ? ` <span class="opts">(${esc(v.question.options.join(' / '))})</span>` : ''}${v.question.reply !== undefined ? `<br><b>Answer:</b> ${esc(v.question.reply)}` : ''}</div>`
    : '';
  const cost = v.tokens ? ` · ${v.tokens} tok` : '';
  return `<li class="${cls}" id="${esc(o.id)}-${v.step}" data-step="${v.step}">
<div class="head"><b>${v.step}</b><span class="app" title="${esc(v.app)}">${esc(appName(v.app))}</span></div>
${shot}
<p class="cap">${esc(v.caption)}</p>
<p class="out">→ ${esc(v.outcome)}</p>
${v.decision ? decisionHtml(v.decision, o.persona) : ''}${q}${v.detail ? `<p class="detail">${esc(v.detail)}</p>` : ''}
<p class="ms">${Math.round(v.ms)} ms${cost}</p>
</li>`;
}

export function strip(views: StepView[], o: StripOptions): string {
  if (!views.length) return '<p class="muted">No steps recorded yet.</p>';
  return `<ol class="strip" aria-label="Steps">${views.map((v) => card(v, o)).join('\n')}</ol>`;
}

/** The one enlarged-frame dialog a page needs; the page script fills it from the card that was clicked. */
export const ZOOM_DIALOG = `<dialog id="zoom" aria-label="Enlarged frame">
<div class="zbar"><button type="button" data-z="prev" aria-label="Previous step">‹</button><span id="zcap"></span><button type="button" data-z="next" aria-label="Next step">›</button><button type="button" data-z="close" aria-label="Close">✕</button></div>
<div class="zwrap" id="zwrap"></div>
</dialog>`;
