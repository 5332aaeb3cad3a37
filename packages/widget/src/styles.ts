import type { WidgetBranding } from '@switchboard/core';

/**
 * The widget's styles, inside its shadow root: host-page rules cannot reach in, and these cannot leak out.
 * `:host` resets what the page could still pass on (inherited properties, rules on the host element itself;
 * `!important` inside the shadow wins over the page's, even its `!important`).
 */
export const STYLES = `
:host { all: initial !important; display: block !important; position: fixed !important; right: 20px !important;
  bottom: 20px !important; z-index: 2147483000 !important; visibility: visible !important; opacity: 1 !important;
  transform: none !important; }
:host([data-inline]) { position: relative !important; right: auto !important; bottom: auto !important;
  z-index: auto !important; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.widget { font-family: var(--sb-font); font-size: 15px; line-height: 1.45; color: #1b1f24; display: flex;
  flex-direction: column; align-items: flex-end; gap: 12px; text-align: left; letter-spacing: normal; }
button, input, select, textarea { font: inherit; color: inherit; letter-spacing: inherit; margin: 0; }
button { cursor: pointer; border-radius: 8px; border: 1px solid transparent; padding: 8px 14px; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1b1f24; }
.primary, .launcher { background: var(--sb-button-bg); color: var(--sb-button-fg); font-weight: 600; }
.secondary { background: #fff; color: #1b1f24; border-color: #8a9099; }
.launcher { border-radius: 999px; padding: 12px 22px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.panel { width: 370px; max-width: calc(100vw - 40px); height: 560px; max-height: calc(100vh - 110px);
  display: flex; flex-direction: column; background: #fff; border-radius: 14px; overflow: hidden;
  box-shadow: 0 10px 40px rgba(0,0,0,.28); border: 1px solid #d4d8de; }
:host([data-inline]) .panel { max-height: none; }
.header { background: var(--sb-title-bg); color: var(--sb-title-fg); display: flex; align-items: center;
  justify-content: space-between; gap: 8px; padding: 10px 10px 10px 16px; }
.header h2 { font-size: 17px; margin: 0; font-weight: 600; }
.icon { background: transparent; color: inherit; font-size: 20px; line-height: 1; padding: 4px 10px; }
.banner { margin: 0; padding: 8px 16px; background: #fff4ce; color: #4a3b00; font-size: 14px; }
.call { padding: 8px 16px; background: #e8f3ec; font-size: 14px; }
.call-line { display: flex; align-items: center; gap: 8px; }
.call p { margin: 0; flex: 1; }
.keypad { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; margin-top: 8px; }
.keypad button { padding: 6px 0; font-size: 16px; background: #fff; border: 1px solid #c8d3cc; border-radius: 6px; }
.call-button { margin: 0 16px 12px; }
.panel > .error { padding: 0 16px 8px; }
.body { flex: 1; min-height: 0; display: flex; flex-direction: column; overflow: auto; }
.notice { margin: 16px; padding: 12px; border-radius: 8px; background: #f3f5f8; white-space: pre-wrap; }
.hours { margin: 0 16px 16px; }
.hours h3 { font-size: 15px; margin: 0 0 6px; }
.hours table { border-collapse: collapse; width: 100%; font-size: 14px; }
.hours th, .hours td { text-align: left; padding: 3px 0; font-weight: normal; }
.hours th { width: 45%; }
.muted { color: #5a616b; font-size: 13px; }
form.start { display: flex; flex-direction: column; gap: 12px; padding: 16px; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field label { font-weight: 600; font-size: 14px; }
.req { font-weight: normal; color: #5a616b; }
.field input, .field select, .compose textarea { border: 1px solid #8a9099; border-radius: 8px; padding: 8px 10px;
  background: #fff; width: 100%; }
[aria-invalid="true"] { border-color: #b3261e !important; }
.error { color: #b3261e; font-size: 13px; margin: 0; }
.chat { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.actions { display: flex; gap: 8px; justify-content: flex-end; padding: 8px 12px; border-bottom: 1px solid #e3e6ea; }
.actions button { padding: 4px 10px; font-size: 13px; }
.confirm { margin: 8px 12px; padding: 10px 12px; border-radius: 8px; background: #f3f5f8; }
.confirm p { margin: 0 0 8px; }
.confirm div { display: flex; gap: 8px; }
.log { list-style: none; margin: 0; padding: 12px; flex: 1; min-height: 80px; overflow-y: auto; display: flex;
  flex-direction: column; gap: 8px; }
.msg { display: flex; flex-direction: column; max-width: 85%; }
.msg.agent { align-self: flex-start; }
.msg.customer { align-self: flex-end; align-items: flex-end; }
.msg.system { align-self: center; max-width: 95%; text-align: center; color: #5a616b; font-size: 13px; }
.who { font-size: 12px; color: #5a616b; margin: 0 0 2px 4px; }
.bubble { margin: 0; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.agent .bubble { background: var(--sb-agent-bg); color: var(--sb-agent-fg); border-bottom-left-radius: 4px; }
.customer .bubble { background: var(--sb-customer-bg); color: var(--sb-customer-fg); border-bottom-right-radius: 4px; }
.customer.pending .bubble { opacity: .65; }
.customer.failed .bubble { outline: 2px solid #b3261e; }
.typing { margin: 0; padding: 0 14px 4px; min-height: 1.4em; font-size: 13px; color: #5a616b; font-style: italic; }
.compose { display: flex; gap: 8px; padding: 10px 12px; border-top: 1px solid #e3e6ea; align-items: flex-end; }
.compose textarea { resize: none; height: 64px; }
.count { margin: 0 12px; font-size: 12px; color: #5a616b; text-align: right; }
.after { padding: 12px 16px; display: flex; flex-direction: column; gap: 12px; border-top: 1px solid #e3e6ea; }
.rating fieldset { border: 0; padding: 0; margin: 0 0 8px; }
.rating legend { font-weight: 600; margin-bottom: 6px; padding: 0; }
.thanks { margin: 0; font-weight: 600; }
/* Empty until the rating is sent: out of the layout, still in the accessibility tree. */
.thanks:empty { position: absolute; }
.stars { display: flex; gap: 6px; }
.stars label { display: flex; align-items: center; gap: 4px; padding: 4px 8px; border: 1px solid #8a9099;
  border-radius: 8px; cursor: pointer; }
.stars input { margin: 0; }
.vh { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

/** The branding as CSS custom properties of the widget's root (set through the CSSOM, never as markup). */
export function applyBranding(element: HTMLElement, branding: WidgetBranding): void {
  const properties: [string, string][] = [
    ['--sb-font', branding.fontFamily],
    ['--sb-title-bg', branding.titleColor],
    ['--sb-title-fg', branding.titleTextColor],
    ['--sb-button-bg', branding.buttonColor],
    ['--sb-button-fg', branding.buttonTextColor],
    ['--sb-agent-bg', branding.agentMessageColor],
    ['--sb-agent-fg', branding.agentMessageTextColor],
    ['--sb-customer-bg', branding.customerMessageColor],
    ['--sb-customer-fg', branding.customerMessageTextColor],
  ];
  for (const [name, value] of properties) element.style.setProperty(name, value);
}
