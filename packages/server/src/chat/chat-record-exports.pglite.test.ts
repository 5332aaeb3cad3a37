import { openDatabase } from '../db/database.ts';
import { chatRecordExportSuite } from './chat-record-exports.suite.ts';

chatRecordExportSuite('PGlite', () => openDatabase({}));
