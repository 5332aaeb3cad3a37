import { openDatabase } from '../db/database.ts';
import { jobQueueSuite } from './job-queue.suite.ts';

jobQueueSuite('PGlite', () => openDatabase({}));
