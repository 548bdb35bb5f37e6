// npm run bench: every benchmark, printing figures (no pass/fail).
import setup from '../global-setup';
import { benchExcel } from './excel';
import { benchUi } from './ui';
import { benchProcess } from './process';
import { benchOverview } from './overview';

setup();

await benchProcess();
await benchExcel();
await benchUi();
await benchOverview();
