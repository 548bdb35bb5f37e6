// The records in the sidebar and which one is open (kept across starts).
import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import type { RecordSummary } from './Sidebar';

export function useRecordList(onError: (e: unknown) => void) {
  const [records, setRecords] = useState<RecordSummary[]>([]);
  const [selected, setSelected] = useState<number | null>(() => Number(localStorage.getItem('yanshou-record')) || null);

  const refreshList = useCallback(async () => {
    try {
      const list = await api.listRecords({});
      setRecords(list);
      setSelected((s) => (s !== null && list.some((r) => r.id === s) ? s : list[0]?.id ?? null));
      return list;
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

  return { records, selected, setSelected, refreshList };
}
