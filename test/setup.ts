import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/fixtures';

afterAll(() => removeTempDirs());
