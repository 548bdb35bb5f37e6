// The records in the sidebar and which one is open (kept across starts), in the app's order:
// provinces in pinyin, batches by number, counties in pinyin. The pinyin dictionary is a chunk of
// its own, fetched beside the first list.
import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import type { RecordSummary } from './Sidebar';

export const pinyinModule = () => import('../../shared/pinyin');
export type Pinyin = Awaited<ReturnType<typeof pinyinModule>>;

export function useRecordList(onError: (e: unknown) => void) {
  const [records, setRecords] = useState<RecordSummary[]>([]);
  const [pinyin, setPinyin] = useState<Pinyin | null>(null);
  const [selected, setSelected] = useState<number | null>(() => Number(localStorage.getItem('yanshou-record')) || null);

  const refreshList = useCallback(async () => {
    try {
      const [list, order] = await Promise.all([api.listRecords({}), pinyinModule()]);
      setPinyin(order);
      const sorted = [...list].sort(order.compareRecords);
      setRecords(sorted);
      setSelected((s) => (s !== null && sorted.some((r) => r.id === s) ? s : sorted[0]?.id ?? null));
      return sorted;
    } catch (e) {
      onError(e);
      return null;
    }
  }, [onError]);

  useEffect(() => {
    void refreshList();
  }, [refreshList]);

  useEffect(() => {
    if (selected !== null) localStorage.setItem('yanshou-record', String(selected));
  }, [selected]);

  return { records, selected, setSelected, refreshList, pinyin };
}
