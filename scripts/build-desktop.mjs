#!/usr/bin/env node
// Placeholder until the Electron shell lands: builds the renderer and launches Electron on it.
console.error('The Electron shell is not built yet; run `YANSHOU_WEB=1 npm start` for the web mode.');
process.exit(2);
