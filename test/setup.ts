import { afterAll, afterEach } from 'vitest';
import { removeTempDirs } from './helpers/fixtures';
import { closeStores } from './helpers/backend';

afterEach(() => closeStores());
afterAll(() => removeTempDirs());
