import { useEffect, useMemo, useState } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { api } from './api/client.ts';
import type { Role, User } from './api/types.ts';
import {
  AccountPage,
  AdminArea,
  AgentDesktop,
  AreaLoading,
  AssistAlerts,
  ChatExports,
  QueueView,
  ReportsPage,
  TeamMessages,
  TeamView,
  Wallboard,
  WorkforcePage,
} from './areas.tsx';
import { SignIn } from './auth/sign-in.tsx';
import { EventStream } from './live/event-stream.ts';
import { type Desk, DeskContext, useDesk, useStreamStatus } from './live/hooks.ts';

interface Place {
  path: string;
  label: string;
  roles: Role[];
}

const PLACES: Place[] = [
  { path: '/desk', label: 'My desk', roles: ['agent', 'supervisor'] },
  { path: '/team', label: 'Team', roles: ['supervisor', 'administrator'] },
  { path: '/queues', label: 'Queues', roles: ['supervisor', 'administrator'] },
  { path: '/messages', label: 'Team messages', roles: ['supervisor', 'administrator'] },
  { path: '/exports', label: 'Chat exports', roles: ['supervisor', 'administrator'] },
  { path: '/reports', label: 'Reports', roles: ['supervisor', 'administrator'] },
  { path: '/wallboard', label: 'Wallboard', roles: ['supervisor', 'administrator'] },
  { path: '/wfm', label: 'Workforce', roles: ['supervisor', 'administrator'] },
  { path: '/admin', label: 'Administration', roles: ['administrator'] },
];

export function App() {
  const [session, setSession] = useState(api.session);
  const [me, setMe] = useState<User | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => api.onSessionChange(setSession), []);
  useEffect(() => {
    setMe(null);
    if (!session) return;
    api.request<User>('GET', '/me').then(setMe, (error: Error) => setFailure(error.message));
  }, [session]);
  const stream = useMemo(() => (session ? new EventStream(api) : null), [session]);
  useEffect(() => {
    stream?.start();
    return () => stream?.stop();
  }, [stream]);

  if (!session) return <SignIn />;
  if (!me || !stream)
    return (
      <main className="loading" aria-busy="true">
        {failure ?? 'Loading your desktop…'}
      </main>
    );
  const desk: Desk = { api, stream, me, signOut: () => void api.signOut() };
  return (
    <DeskContext.Provider value={desk}>
      <Shell />
    </DeskContext.Provider>
  );
}

function Shell() {
  const { me, signOut } = useDesk();
  const [location] = useLocation();
  const places = PLACES.filter((place) => place.roles.includes(me.role));
  const home = places[0]?.path ?? '/desk';
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Switchboard</span>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {places.map((place) => (
              <li key={place.path}>
                <Link
                  href={place.path}
                  aria-current={location.startsWith(place.path) ? 'page' : undefined}
                  className={location.startsWith(place.path) ? 'active' : ''}
                >
                  {place.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <ConnectionStatus />
        <Link
          href="/account"
          className="who"
          aria-current={location.startsWith('/account') ? 'page' : undefined}
        >
          {me.displayName} <span className="muted">({me.role})</span>
        </Link>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <AreaLoading>
          {me.role === 'supervisor' ? <AssistAlerts /> : null}
          <Switch>
            <Route path="/desk">
              {allowed(me.role, '/desk') ? <AgentDesktop /> : <Redirect to={home} />}
            </Route>
            <Route path="/team">{allowed(me.role, '/team') ? <TeamView /> : <Redirect to={home} />}</Route>
            <Route path="/queues">
              {allowed(me.role, '/queues') ? <QueueView /> : <Redirect to={home} />}
            </Route>
            <Route path="/messages">
              {allowed(me.role, '/messages') ? <TeamMessages /> : <Redirect to={home} />}
            </Route>
            <Route path="/exports">
              {allowed(me.role, '/exports') ? <ChatExports /> : <Redirect to={home} />}
            </Route>
            <Route path="/reports">
              {allowed(me.role, '/reports') ? <ReportsPage /> : <Redirect to={home} />}
            </Route>
            <Route path="/wallboard">
              {allowed(me.role, '/wallboard') ? <Wallboard /> : <Redirect to={home} />}
            </Route>
            <Route path="/wfm">{allowed(me.role, '/wfm') ? <WorkforcePage /> : <Redirect to={home} />}</Route>
            <Route path="/account">
              <AccountPage />
            </Route>
            <Route path="/admin" nest>
              {allowed(me.role, '/admin') ? <AdminArea /> : <Redirect to={home} />}
            </Route>
            <Route>
              <Redirect to={home} />
            </Route>
          </Switch>
        </AreaLoading>
      </main>
    </div>
  );
}

const allowed = (role: Role, path: string) => PLACES.some((p) => p.path === path && p.roles.includes(role));

/** Says plainly when the live feed is down; what is shown is reloaded as soon as it is back. */
function ConnectionStatus() {
  const status = useStreamStatus();
  return (
    <output className={`connection connection-${status}`} aria-live="polite" data-status={status}>
      {status === 'live'
        ? 'Live'
        : status === 'connecting'
          ? 'Connecting…'
          : 'Connection lost — reconnecting…'}
    </output>
  );
}
