// The bundle's entry point (dist/main/index.mjs).
import { startDesktop } from './desktop';

void startDesktop();
