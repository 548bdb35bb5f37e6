// npm run bench: every benchmark, printing figures (no pass/fail).
import { benchExcel } from './excel';

await benchExcel();
