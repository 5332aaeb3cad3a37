import { reconciliationSuite } from './reconciliation.suite.ts';

reconciliationSuite('PGlite');
