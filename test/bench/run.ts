// npm run bench: every benchmark, printing figures (no pass/fail).
import { benchExcel } from './excel';
import { benchUi } from './ui';

await benchExcel();
await benchUi();
