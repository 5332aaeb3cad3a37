import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';

/**
 * Each area of the desktop is its own chunk, fetched when it is first opened: an agent's browser never
 * downloads the administration screens, and an administrator's never the agent desktop until it is used.
 */
const area = <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  lazy(() => load().then((module) => ({ default: pick(module) })));

export const AgentDesktop = area(
  () => import('./agent/agent-desktop.tsx'),
  (m) => m.AgentDesktop,
);
export const TeamView = area(
  () => import('./supervisor/supervisor-area.ts'),
  (m) => m.TeamView,
);
export const QueueView = area(
  () => import('./supervisor/supervisor-area.ts'),
  (m) => m.QueueView,
);
export const TeamMessages = area(
  () => import('./supervisor/supervisor-area.ts'),
  (m) => m.TeamMessages,
);
export const ChatExports = area(
  () => import('./supervisor/supervisor-area.ts'),
  (m) => m.ChatExports,
);
export const AssistAlerts = area(
  () => import('./supervisor/supervisor-area.ts'),
  (m) => m.AssistAlerts,
);
export const ReportsPage = area(
  () => import('./reports/reports-area.ts'),
  (m) => m.ReportsPage,
);
export const Wallboard = area(
  () => import('./reports/reports-area.ts'),
  (m) => m.Wallboard,
);
export const WorkforcePage = area(
  () => import('./wfm/wfm-area.tsx'),
  (m) => m.WorkforcePage,
);
export const AdminArea = area(
  () => import('./admin/admin-area.tsx'),
  (m) => m.AdminArea,
);
export const AccountPage = area(
  () => import('./account/account-page.tsx'),
  (m) => m.AccountPage,
);

/** What shows while an area's chunk arrives (a moment on a fast line, longer on a slow one). */
export function AreaLoading(props: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="loading" aria-busy="true">
          Loading…
        </p>
      }
    >
      {props.children}
    </Suspense>
  );
}
