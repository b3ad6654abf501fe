/**
 * The panel's whole stylesheet. It lives in the panel's shadow root (one `<style>` element that
 * carries the `styleNonce`), so it neither leaks into the page nor inherits the page's CSS.
 */
export const CSS = `
:host{all:initial;display:block}
:host([data-mode=floating]){display:contents}
:host([data-mode=embedded]){height:100%}
:host([data-mode=page]){height:100vh}
*,*::before,*::after{box-sizing:border-box}
.root{
  --bg:#fff;--bg2:#f4f5f7;--bg3:#e9ecf0;--fg:#1b1f24;--muted:#59626e;--line:#d8dce2;
  --accent:#0a5fc2;--accent-bg:#e3eefc;--ok:#17743a;--warn:#9a4f00;--bad:#b4232b;--violet:#6b3fc0;
  --focus:#0a5fc2;--shadow:0 8px 30px rgba(15,23,42,.18);
  --mono:ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace;
  color-scheme:light;
  font:12px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--fg);
}
.root[data-theme=dark]{
  --bg:#15171c;--bg2:#1c1f26;--bg3:#262a33;--fg:#e7e9ec;--muted:#a0a8b3;--line:#313640;
  --accent:#6aaeff;--accent-bg:#1b2b44;--ok:#52c77a;--warn:#f0a64a;--bad:#ff7a7f;--violet:#b596ff;
  --focus:#6aaeff;--shadow:0 8px 30px rgba(0,0,0,.5);color-scheme:dark;
}
@media (prefers-color-scheme:dark){.root[data-theme=system]{
  --bg:#15171c;--bg2:#1c1f26;--bg3:#262a33;--fg:#e7e9ec;--muted:#a0a8b3;--line:#313640;
  --accent:#6aaeff;--accent-bg:#1b2b44;--ok:#52c77a;--warn:#f0a64a;--bad:#ff7a7f;--violet:#b596ff;
  --focus:#6aaeff;--shadow:0 8px 30px rgba(0,0,0,.5);color-scheme:dark;
}}
.fill{height:100%}
.page-empty{height:100%;margin:0;display:grid;place-items:center;background:var(--bg)}
.panel{display:flex;flex-direction:column;height:100%;min-height:0;background:var(--bg);overflow:hidden;container:panel/inline-size}
[hidden]{display:none!important}
.mono{font-family:var(--mono)}
.muted{color:var(--muted)}
button,input,select{font:inherit;color:inherit}
h2,h3{font:inherit;margin:0}
button{cursor:pointer;background:var(--bg2);border:1px solid var(--line);border-radius:5px;padding:2px 8px;min-height:24px}
button:hover{background:var(--bg3)}
button.danger{color:var(--bad)}
button.ghost{background:none;border-color:transparent}
button.ghost:hover{background:var(--bg3)}
button[aria-disabled=true]{opacity:.55;cursor:default}
button[aria-disabled=true]:hover{background:var(--bg2)}
input,select{background:var(--bg);border:1px solid var(--line);border-radius:5px;padding:2px 6px;min-height:24px}
:focus-visible{outline:2px solid var(--focus);outline-offset:1px}
.head{display:flex;flex-wrap:wrap;align-items:center;gap:6px 16px;padding:6px 10px;border-bottom:1px solid var(--line);background:var(--bg2)}
.brand{display:flex;align-items:center;gap:8px;font-weight:600;white-space:nowrap;min-width:0;flex:0 1 auto}
.brand small{font-weight:400;overflow:hidden;text-overflow:ellipsis}
.picker{font-weight:400;font-size:11px;max-width:100%;min-width:0;padding:1px 4px}
.logo{display:inline-block;width:10px;height:10px;border-radius:3px;background:linear-gradient(135deg,var(--accent),var(--violet))}
.stats{display:flex;flex-wrap:wrap;gap:2px 12px;margin:0;flex:1 1 320px;min-width:0}
.stats div{display:flex;gap:4px;align-items:baseline}
.stats dt{color:var(--muted)}
.stats dd{margin:0;font-family:var(--mono);font-weight:600}
.spark{vertical-align:middle;color:var(--accent)}
.creds.warn dd{color:var(--warn)}
.head .end{margin-left:auto;display:flex;gap:4px;align-items:center;flex:none}
button.icon{white-space:nowrap}
.warn-badge{color:var(--warn);border-color:currentColor;font-weight:600}
[data-tip]{position:relative}
[data-tip]:is(:hover,:focus-visible)::after{content:attr(data-tip);position:absolute;z-index:3;top:calc(100% + 4px);right:0;padding:2px 6px;border-radius:4px;background:var(--fg);color:var(--bg);font:11px/1.4 system-ui,sans-serif;white-space:nowrap;pointer-events:none}
.warnings{padding:6px 10px;border-bottom:1px solid var(--line);background:var(--bg)}
.warnings-head{display:flex;align-items:center;justify-content:space-between;gap:8px}
.warnings h2{font-weight:600;color:var(--warn)}
.warnings ul{margin:4px 0;padding-left:18px}
.warnings p{margin:0}
code{font-family:var(--mono)}
.tabs{display:flex;gap:2px;padding:0 8px;border-bottom:1px solid var(--line)}
.tabs [role=tab]{border:0;border-bottom:2px solid transparent;border-radius:0;background:none;padding:6px 10px;color:var(--muted)}
.tabs [role=tab][aria-selected=true]{color:var(--fg);border-bottom-color:var(--accent);font-weight:600}
.body{flex:1;min-height:0;display:flex;flex-direction:column}
.gauges{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:6px;padding:8px}
.gauge{display:flex;flex-direction:column;align-items:stretch;gap:3px;text-align:left;padding:6px 8px;border-radius:6px}
.gauge[aria-selected=true]{border-color:var(--accent);background:var(--accent-bg)}
.gauge .top{display:flex;justify-content:space-between;gap:8px}
.gauge .name{font-weight:600}
.bar{height:4px;border-radius:2px;background:var(--bg3);overflow:hidden}
.bar i{display:block;height:100%;background:var(--accent)}
.bar.full i{background:var(--warn)}
.toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:6px;padding:0 8px 8px}
.timeline-toolbar{padding-top:8px}
.toolbar .grow{flex:1;min-width:140px}
.toolbar form{display:flex;gap:4px;align-items:center}
.toolbar input[type=number]{width:76px}
.alert{margin:0 8px 8px;padding:4px 8px;border-radius:5px;color:var(--bad);background:var(--bg2);border:1px solid var(--bad)}
.scroll{flex:1;min-height:0;overflow:auto;border-top:1px solid var(--line)}
.rows{position:relative}
.entry{display:grid;grid-template-columns:minmax(0,1fr) auto;align-items:center;gap:8px;height:44px;padding:0 8px 0 0;border-bottom:1px solid var(--line)}
.entry.victim{box-shadow:inset 3px 0 0 var(--warn)}
.entry .open{display:grid;grid-template-columns:44px minmax(0,1fr);align-items:center;gap:8px;height:100%;min-width:0;padding:0 0 0 8px;border:0;border-radius:0;background:none;text-align:left}
.entry .open:hover{background:var(--bg2)}
.entry .open:focus-visible{outline-offset:-2px}
.texts{display:block;min-width:0}
.rank{color:var(--muted);font-family:var(--mono);text-align:right}
.line{display:flex;align-items:center;gap:6px;min-width:0}
.label{font-family:var(--mono);white-space:nowrap;overflow:hidden;text-overflow:ellipsis;min-width:0}
.meta{display:flex;gap:10px;color:var(--muted);white-space:nowrap;overflow:hidden;font-size:11px}
.meta b{color:var(--fg);font-weight:600;font-family:var(--mono)}
.meta .bad b{color:var(--bad)}
.meta .busy b{color:var(--accent)}
.badge{flex:none;font-size:10px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;padding:0 5px;border-radius:3px;border:1px solid currentColor}
.badge.victim{color:var(--warn)}
.group{display:flex;align-items:center;gap:8px;height:44px;padding:0 8px;background:var(--bg2);border-bottom:1px solid var(--line);font-weight:600}
.group span{color:var(--muted);font-weight:400}
.empty{padding:16px;text-align:center;color:var(--muted)}
.chips{display:flex;flex-wrap:wrap;gap:4px}
.chips button{border-radius:12px;padding:0 8px;color:var(--muted)}
.chips button[aria-pressed=true]{color:var(--fg);background:var(--accent-bg);border-color:var(--accent)}
.event{display:grid;grid-template-columns:92px 84px 96px minmax(0,1fr);align-items:center;gap:8px;height:26px;padding:0 8px;border-bottom:1px solid var(--line);white-space:nowrap}
.event>*{overflow:hidden;text-overflow:ellipsis}
.narrow .event{grid-template-columns:92px 64px minmax(0,1fr);grid-template-rows:18px 18px;row-gap:0;height:40px;align-content:center}
.narrow .event>:nth-child(4){grid-column:1/-1}
.event .detail{font-weight:600}
.detail.d-miss,.detail.d-warning{color:var(--warn)}
.detail.d-evict{color:var(--bad)}
.t{font-family:var(--mono);font-size:11px;font-weight:600}
.t-hit,.t-response{color:var(--ok)}
.t-miss,.t-resize,.t-warning{color:var(--warn)}
.t-create{color:var(--accent)}
.t-evict,.t-clear,.t-fail{color:var(--bad)}
.t-dispose,.t-request{color:var(--muted)}
.t-credentials{color:var(--violet)}
.toggle{position:fixed;z-index:2147483646;display:flex;align-items:center;gap:6px;padding:6px 10px;border-radius:18px;box-shadow:var(--shadow);background:var(--bg);font-weight:600}
.toggle.bottom-right{right:12px;bottom:12px}.toggle.bottom-left{left:12px;bottom:12px}
.toggle.top-right{right:12px;top:12px}.toggle.top-left{left:12px;top:12px}
.dock{position:fixed;z-index:2147483646;box-shadow:var(--shadow);background:var(--bg);display:flex}
.dock-bottom{left:0;right:0;bottom:0;flex-direction:column;border-top:1px solid var(--line)}
.dock-top{left:0;right:0;top:0;flex-direction:column-reverse;border-bottom:1px solid var(--line)}
.dock-left{top:0;bottom:0;left:0;flex-direction:row-reverse;border-right:1px solid var(--line)}
.dock-right{top:0;bottom:0;right:0;flex-direction:row;border-left:1px solid var(--line)}
.dock>.panel{flex:1;min-width:0;min-height:0}
.resizer{flex:none;background:var(--bg2);touch-action:none}
.resizer:hover,.resizer:focus-visible{background:var(--accent)}
.dock-bottom .resizer,.dock-top .resizer{height:5px;cursor:ns-resize}
.dock-left .resizer,.dock-right .resizer{width:5px;cursor:ew-resize}
.entry-detail{flex:1;min-height:0;overflow:auto;padding:0 10px 10px}
.detail-bar{position:sticky;top:0;display:flex;align-items:center;gap:8px;padding:8px 0;background:var(--bg)}
.detail-label{font-weight:600;overflow-wrap:anywhere;margin-bottom:8px}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:4px 16px;margin:0 0 10px}
.facts div{display:flex;gap:6px;align-items:baseline;min-width:0}
.facts dt{color:var(--muted);white-space:nowrap}
.facts dd{margin:0;font-family:var(--mono);font-weight:600;overflow-wrap:anywhere}
.entry-detail h3{font-weight:600;margin:8px 0 2px}
.cause{margin:0;overflow-wrap:anywhere}
.recent{margin:0;padding:0;list-style:none}
.recent li{padding:2px 0;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (prefers-reduced-motion:no-preference){.bar i{transition:width .2s}}
@container panel (max-width:599px){
  .head{gap:4px 8px;padding:4px 8px}
  .head .title,button.icon .text{display:none}
  .brand{flex:1 1 0}
  .head .end{order:1}
  .stats{order:2;flex-basis:100%;gap:0 8px;font-size:11px}
  .tabs [role=tab]{padding:4px 10px}
  .gauges{grid-template-columns:repeat(2,minmax(0,1fr));gap:4px;padding:6px 8px}
  .gauge{padding:3px 6px;gap:2px}
  .toolbar{gap:4px;flex-wrap:nowrap}
  .toolbar .grow{min-width:0}
  .toolbar .max-label{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
  .toolbar input[type=number]{width:52px}
  .chips{flex-wrap:nowrap;overflow-x:auto;scrollbar-width:thin}
  .chips button{flex:none}
  .entry .open{grid-template-columns:28px minmax(0,1fr);gap:6px;padding-left:4px}
}
`
