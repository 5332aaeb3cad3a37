import { openDatabase } from '../db/database.ts';
import { retentionSuite } from './retention.suite.ts';

retentionSuite('PGlite', () => openDatabase({}));
