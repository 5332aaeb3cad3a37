/** Reports and the wallboard, loaded together as one chunk the first time either is opened. */
export { ReportsPage } from './reports-page.tsx';
export { Wallboard } from './wallboard.tsx';
