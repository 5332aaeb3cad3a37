import { mountWidget } from './controller.ts';

/*
 * The script a website embeds:
 *   <script src="https://HOST/widget.js" data-widget="WIDGET_ID" async></script>
 * It talks to the server it was loaded from (a path prefix included), and adds one element to the page.
 */
const script = document.currentScript as HTMLScriptElement | null;
const widgetId = script?.dataset.widget;

if (script && widgetId && !document.querySelector(`[data-switchboard-chat="${CSS.escape(widgetId)}"]`)) {
  const base = new URL('./', script.src).href;
  const start = () => {
    const host = document.createElement('div');
    host.setAttribute('data-switchboard-chat', widgetId);
    document.body.append(host);
    void mountWidget({ widgetId, base, host });
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
} else if (script && !widgetId) {
  console.warn('Switchboard chat: add data-widget="…" (the widget id) to the script tag.');
}
