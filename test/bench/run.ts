// npm run bench: every benchmark, printing figures (no pass/fail), each beside its yardstick in the
// same run. `npm run bench -- ui process` runs only those named (process, responsive, excel, ui, overview, workspace, team).
import setup from '../global-setup';
import { benchExcel } from './excel';
import { benchUi } from './ui';
import { benchProcess } from './process';
import { benchOverview } from './overview';
import { benchResponsive } from './responsive';
import { benchWorkspace } from './workspace';
import { benchTeam } from './team';

setup();

const all = {
  process: benchProcess,
  responsive: benchResponsive,
  excel: benchExcel,
  ui: benchUi,
  overview: benchOverview,
  workspace: benchWorkspace,
  team: benchTeam,
};
const asked = process.argv.slice(2).filter((a): a is keyof typeof all => a in all);
for (const [name, bench] of Object.entries(all)) if (asked.length === 0 || asked.includes(name as keyof typeof all)) await bench();
