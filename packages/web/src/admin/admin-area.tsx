import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { ApiKeysPage } from './api-keys-page.tsx';
import { AuditLogPage } from './audit-log-page.tsx';
import { CalendarsPage } from './calendars-page.tsx';
import { CallFlowsPage } from './call-flows-page.tsx';
import { ChannelSettingsPage } from './channel-settings-page.tsx';
import { ChatWidgetsPage } from './chat-widgets-page.tsx';
import { CsqsPage } from './csqs-page.tsx';
import { DeskPhonesPage } from './desk-phones-page.tsx';
import { IntervalImportPage } from './interval-import.tsx';
import { JobsPage } from './jobs-page.tsx';
import { PhoneNumbersPage } from './phone-numbers-page.tsx';
import { PresenceSettingsPage } from './presence-settings-page.tsx';
import { ReportingSettingsPage } from './reporting-settings-page.tsx';
import { ResponsesPage } from './responses-page.tsx';
import { ReasonCodesPage, SkillsPage, TeamsPage } from './simple-pages.tsx';
import { UsersPage } from './users-page.tsx';
import { WrapUpPage } from './wrap-up-page.tsx';

const PAGES = [
  ['/users', 'Users', UsersPage],
  ['/teams', 'Teams', TeamsPage],
  ['/skills', 'Skills', SkillsPage],
  ['/csqs', 'Queues (CSQs)', CsqsPage],
  ['/reason-codes', 'Reason codes', ReasonCodesPage],
  ['/wrap-up', 'Wrap-up reasons', WrapUpPage],
  ['/responses', 'Predefined responses', ResponsesPage],
  ['/calendars', 'Calendars', CalendarsPage],
  ['/call-flows', 'Call flows', CallFlowsPage],
  ['/numbers', 'Numbers', PhoneNumbersPage],
  ['/desk-phones', 'Desk phones', DeskPhonesPage],
  ['/chat-widgets', 'Chat widgets', ChatWidgetsPage],
  ['/channels', 'Channel parameters', ChannelSettingsPage],
  ['/presence', 'Desktop presence', PresenceSettingsPage],
  ['/reporting', 'Reporting', ReportingSettingsPage],
  ['/api-keys', 'API keys', ApiKeysPage],
  ['/audit', 'Audit log', AuditLogPage],
  ['/jobs', 'Jobs', JobsPage],
  ['/interval-history', 'Interval history', IntervalImportPage],
] as const;

/** Administration: one page per kind of configuration, under /admin. */
export function AdminArea() {
  const [location] = useLocation();
  return (
    <div className="admin">
      <nav aria-label="Administration" className="side-nav">
        <ul>
          {PAGES.map(([path, label]) => (
            <li key={path}>
              <Link
                href={path}
                aria-current={location === path ? 'page' : undefined}
                className={location === path ? 'active' : ''}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-page">
        <Switch>
          {PAGES.map(([path, , Page]) => (
            <Route key={path} path={path}>
              <Page />
            </Route>
          ))}
          <Route>
            <Redirect to="/users" />
          </Route>
        </Switch>
      </div>
    </div>
  );
}
