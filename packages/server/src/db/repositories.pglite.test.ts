import { openDatabase } from './database.ts';
import { repositorySuite } from './repositories.suite.ts';

repositorySuite('PGlite', () => openDatabase({}));
