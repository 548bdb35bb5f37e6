// Before a run against PostgreSQL (test/vitest.postgres.config.ts): a throw-away cluster for the
// whole run, each test's store a schema of its own in it (test/helpers/backend.ts); removed after.
import type { TestProject } from 'vitest/node';
import { startCluster } from './helpers/postgres';

export default function setup(project: TestProject): () => void {
  const cluster = startCluster();
  project.provide('postgresUrl', cluster.url());
  return () => cluster.remove();
}
