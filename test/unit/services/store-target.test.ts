// Which store a command line names: `--db FILE` a data file, `--pg URL` a workspace, neither the
// default data file, both refused in words before anything is opened.
import { describe, expect, it } from 'vitest';
import { storeTargetOf } from '../../../electron/services/store/target';
import { refusal } from '../../helpers/store';

const DEFAULT = () => '/home/clerk/验收台/yanshou.sqlite';

describe('the store of a command line', () => {
  it('is the data file of --db, the workspace of --pg, else the default data file', () => {
    expect(storeTargetOf({ db: '县.sqlite' }, DEFAULT)).toEqual({ file: '县.sqlite' });
    expect(storeTargetOf({ pg: 'postgres://team@db/yanshou' }, DEFAULT)).toEqual({ pg: 'postgres://team@db/yanshou' });
    expect(storeTargetOf({}, DEFAULT)).toEqual({ file: '/home/clerk/验收台/yanshou.sqlite' });
    expect(storeTargetOf({ db: true, pg: undefined }, DEFAULT)).toEqual({ file: '/home/clerk/验收台/yanshou.sqlite' });
  });

  it('is refused when both are given, in words', () => {
    const e = refusal(() => storeTargetOf({ db: '县.sqlite', pg: 'postgres://team@db/yanshou' }, DEFAULT));
    expect(e.code).toBe('usage');
    expect(e.messages).toEqual({
      zh: '--db 与 --pg 只能给一个:数据文件或工作区',
      en: 'Give --db or --pg, not both: a data file or a workspace',
    });
  });
});
