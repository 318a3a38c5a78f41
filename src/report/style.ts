// The reports' one stylesheet. Colours carry meaning and always come with words (✓/✗, "asked", "blocked"), so the
// page reads the same without colour. Layout is fluid down to 320 px: nothing is wider than the screen.
export const STYLE = `
:root{--ink:#1f1f1f;--muted:#5f6368;--line:#dadce0;--bg:#f8fafd;--card:#fff;--accent:#0b57d0;
--ok:#146c2e;--ok-bg:#e6f4ea;--warn:#8a4b00;--warn-bg:#fef3e0;--bad:#b3261e;--bad-bg:#fce8e6;--ask:#0b57d0;--ask-bg:#e8f0fe;--grey-bg:#f1f3f4}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.45 -apple-system,"Segoe UI",Roboto,"DejaVu Sans","Noto Sans",Arial,sans-serif;color:var(--ink);background:var(--bg);overflow-wrap:anywhere}
header.top{background:#fff;border-bottom:1px solid var(--line);padding:12px 16px;display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
header.top h1{font-size:20px;margin:0}
main{max-width:1240px;margin:0 auto;padding:12px 16px 48px}
section{margin:16px 0}
h2{font-size:17px;margin:0 0 8px}
h3{font-size:15px;margin:12px 0 6px}
a{color:var(--accent)}
.muted{color:var(--muted)}
.panel{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 16px}
.status{font-weight:600;padding:2px 10px;border-radius:12px;background:var(--grey-bg)}
.s-success{background:var(--ok-bg);color:var(--ok)}
.s-failed,.s-stuck,.s-error,.s-budget,.s-model-error,.s-device-lost,.s-infeasible,.s-interrupted{background:var(--bad-bg);color:var(--bad)}
.s-running{background:var(--ask-bg);color:var(--ask)}
.s-stopped{background:var(--warn-bg);color:var(--warn)}
.instr{font-size:17px;margin:0 0 6px}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,140px),1fr));gap:6px 16px;margin:8px 0 0}
dl.facts div{min-width:0}
dl.facts div.wide{grid-column:span 2}
dl.facts dt{color:var(--muted);font-size:13px}
dl.facts dd{margin:0;font-weight:500}
ul.checks{list-style:none;padding:0;margin:0}
ul.checks li{padding:2px 0}
.ok{color:var(--ok)}.bad{color:var(--bad)}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.chip{display:inline-block;padding:2px 10px;border-radius:12px;font-size:13px;border:1px solid transparent}
.k-protective{background:var(--grey-bg)}
.k-allowed{background:var(--ok-bg);color:var(--ok)}
.k-asked-allowed,.k-asked-refused{background:var(--ask-bg);color:var(--ask)}
.k-blocked{background:var(--warn-bg);color:var(--warn)}
.k-bypass{background:var(--grey-bg);color:var(--muted);border-color:var(--line)}
.k-violation{background:var(--bad-bg);color:var(--bad)}
ol.decisions{margin:0;padding:0;list-style:none}
ol.decisions li{margin:0;padding:6px 0;border-bottom:1px solid #f1f3f4}
ol.decisions li:last-child{border-bottom:0}
ol.strip{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
@media (max-width:480px){ol.strip{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:6px;min-width:0;font-size:13px}
.card.violation{border:2px solid var(--bad)}
.card.d-allowed{border-top:4px solid var(--ok)}
.card.d-asked-allowed,.card.d-asked-refused{border-top:4px solid var(--ask)}
.card.d-blocked{border-top:4px solid var(--warn)}
.card.d-protective,.card.d-bypass{border-top:4px solid #bdc1c6}
.card .head{display:flex;gap:6px;align-items:baseline;min-width:0}
.card .head b{font-size:14px}
.card .app{color:var(--muted);overflow:hidden;text-overflow:ellipsis;white-space:nowrap;flex:1;min-width:0}
.card{display:flex;flex-direction:column}
.card .ms{color:var(--muted);font-size:11px;margin:4px 0 0;margin-top:auto;padding-top:4px}
.shot{position:relative;display:block;margin:4px 0;border-radius:6px;overflow:hidden;border:1px solid var(--line);background:#000}
.shot img{display:block;width:100%;height:auto}
.shot.none{background:var(--grey-bg);color:var(--muted);text-align:center;padding:40px 0}
.box{position:absolute;border:3px solid #e8175d;border-radius:5px;box-shadow:0 0 0 2px rgba(255,255,255,.8);pointer-events:none}
.dot{position:absolute;width:18px;height:18px;margin:-9px 0 0 -9px;border:3px solid #e8175d;border-radius:50%;pointer-events:none}
.cap{font-weight:600;margin:4px 0 0;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
.out{margin:0;color:var(--muted)}
.dec{margin:4px 0 0;padding:3px 6px;border-radius:6px}
.dec .cat{font-weight:600}
.pt{margin:3px 0 0;font-weight:600}
.q{margin:4px 0 0;padding:3px 6px;border-left:3px solid var(--ask);background:var(--ask-bg)}
.q .opts{color:var(--muted)}
.detail{margin:4px 0 0;color:var(--muted);font-size:12px}
table{border-collapse:collapse;background:var(--card);font-variant-numeric:tabular-nums;overflow-wrap:normal}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:right;vertical-align:top}
td{white-space:nowrap}
th:first-child,td:first-child{text-align:left}
thead th{font-size:13px;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line)}
th a{color:inherit;text-decoration:none;border-bottom:1px dotted var(--muted)}
.tables{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,330px),1fr));gap:12px;align-items:start}
table.headline th,table.headline td{padding:4px 10px}
table.headline thead th{white-space:normal}
@media (max-width:480px){main{padding:8px 8px 40px}.panel{padding:10px}th,td{padding:3px 4px;font-size:13px}table.headline th,table.headline td{padding:3px 5px}}
.tables table{width:100%}
.tables .panel{padding:8px;min-width:0}
details.group>summary{cursor:pointer;color:var(--muted);font-weight:600;margin-bottom:4px}
.pol{overflow-wrap:normal;word-break:normal}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;vertical-align:baseline}
dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:3px 12px;margin:0}
dl.legend dt{font-weight:600}
dl.legend dd{margin:0}
@media (max-width:480px){dl.legend{grid-template-columns:1fr}dl.legend dd{margin-bottom:6px}}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,460px),1fr));gap:16px 24px}
.charts figure{margin:0;min-width:0}
.charts svg{width:100%;height:auto;display:block}
.charts figcaption{font-size:13px;color:var(--muted);margin-top:4px}
.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:center;margin-bottom:8px}
.filters label{display:inline-flex;gap:4px;align-items:center;white-space:nowrap}
.filters select,.filters input[type=search]{font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px;max-width:100%;min-width:0;background:#fff}
.filters input[type=search]{width:14em}
details.ep{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:6px 0}
details.ep>summary{cursor:pointer;padding:8px 12px;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:baseline;list-style-position:inside}
details.ep>summary .name{font-weight:600}
details.ep>summary .nums{color:var(--muted);font-size:13px}
details.ep .body{padding:0 12px 12px}
details.ep.fail{border-left:4px solid var(--bad)}
details.ep.pass{border-left:4px solid var(--ok)}
.cmp{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.cmp>div{min-width:0}
@media (max-width:720px){.cmp{grid-template-columns:1fr}}
.cmp ol.strip{grid-template-columns:repeat(auto-fill,minmax(130px,1fr))}
button,.btn{font:inherit;font-size:13px;padding:4px 10px;border:1px solid var(--line);border-radius:14px;background:#fff;cursor:pointer;color:var(--accent);text-decoration:none;display:inline-block}
dialog#zoom{border:0;border-radius:12px;padding:0;max-width:min(96vw,720px);width:auto;background:#111;color:#fff}
dialog#zoom::backdrop{background:rgba(0,0,0,.7)}
.zbar{display:flex;gap:8px;align-items:center;padding:6px 8px}
.zbar span{flex:1;font-size:13px;min-width:0}
.zbar button{background:#333;color:#fff;border-color:#555}
.zwrap{text-align:center;padding:0 8px 8px}
.zimg{position:relative;display:inline-block;vertical-align:top;max-width:100%;border:0;background:none;margin:0}
.zimg img{display:block;max-width:100%;max-height:82vh;width:auto;height:auto}
.kv{display:flex;flex-wrap:wrap;gap:4px 14px}
`;
