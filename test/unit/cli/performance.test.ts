// 四、绩效自评 through the command line, as a user runs it (from dist/): `yanshou summary`'s mean score,
// `yanshou pdf --performance` and `yanshou show --json` of the demo record. The store's part is
// test/unit/services/performance-store.test.ts.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openDatabase, type DB } from '../../../electron/services/store/database';
import { editIndicators } from '../../../electron/services/store/performance';
import { addDemo } from '../../../electron/services/demo';
import { ME, tempDir } from '../../helpers/fixtures';
import { yanshou } from '../../helpers/cli';

/** A data file of its own holding the demo record, with what `more` adds to it. */
function demoFile(more: (db: DB, id: number) => void = () => {}): string {
  const file = path.join(tempDir(), 'demo.sqlite');
  const db = openDatabase(file);
  more(db, addDemo(db, ME).id);
  db.close();
  return file;
}

describe('yanshou summary and yanshou pdf --performance', () => {
  it('summary prints the mean 绩效 score per group (the demo’s 8.24)', () => {
    const file = demoFile();
    const r = yanshou(['summary', '--db', file]);
    expect(r.stdout).toContain('绩效平均分 8.24(1 县)');
    expect(JSON.parse(yanshou(['summary', '--db', file, '--json']).stdout).total.performance).toEqual({ mean: '8.24', scored: 1 });
  });

  it('pdf --performance prints 四、绩效自评 after table 三, with 总分 and 等级; without it, not', () => {
    const file = demoFile((db, id) =>
      editIndicators(
        db,
        ME,
        id,
        [],
        [{ level1: '产出指标', level2: '数量指标', name: '培训人次', target: '不低于500人次', actual: '400人次', weight: '50' }],
      ),
    );
    const text = (args: string[]) => {
      const out = path.join(path.dirname(file), `${args.length}.pdf`);
      const r = yanshou(['pdf', out, '--db', file, '--county', '樟树市', ...args]);
      expect(r.code, r.stderr).toBe(0);
      return spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    };
    const withPart = text(['--performance']);
    expect(withPart).toContain('四、绩效自评');
    expect(withPart.indexOf('四、绩效自评')).toBeGreaterThan(withPart.indexOf('三、中央财政资金拨付情况'));
    // 8.24 + 40.00 (400/500 × 50)
    expect(withPart).toMatch(/总分\s+48\.24/);
    expect(withPart).toContain('等级:差');
    expect(text([])).not.toContain('四、绩效自评');
  });
});

describe('the demo record and yanshou show --json', () => {
  it('樟树市 gets its funds part: 1500 / 1235.96 / 82.40% / 8.24 of 10', () => {
    const file = demoFile();
    const r = yanshou(['show', '--db', file, '--county', '樟树市', '--json']);
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout);
    expect(shown.performance.funds).toMatchObject({ budget: '1500', executed: '1235.96', weight: '10', rate: '82.40', score: '8.24' });
    expect(shown.performance).toMatchObject({ total: '8.24', grade: '差', indicators: [] });
  });
});
