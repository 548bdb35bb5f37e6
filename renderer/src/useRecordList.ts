// The records in the sidebar and which one is open (kept across starts), in the app's order as the
// server gives it (provinces in pinyin, batches by number, counties in pinyin). The pinyin
// dictionary, for search and the overview, is a chunk of its own fetched after the first list.
import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import type { Output } from '../../shared/contract';

/** A record's line in the sidebar (and the overview): its county, batch, sums, rate, findings, status. */
export type RecordSummary = Output<'listRecords'>[number];

/** How often a shown window asks for the list again, for what others changed. */
const OTHERS_SEEN_EVERY_MS = 30_000;

export const pinyinModule = () => import('../../shared/pinyin');
export type Pinyin = Awaited<ReturnType<typeof pinyinModule>>;

export function useRecordList(onError: (e: unknown) => void) {
  const [records, setRecords] = useState<RecordSummary[]>([]);
  // Whether the list has been read: until then (or when reading it was refused) there are no records to speak of.
  const [listed, setListed] = useState(false);
  const [pinyin, setPinyin] = useState<Pinyin | null>(null);
  const [selected, setSelected] = useState<number | null>(() => Number(localStorage.getItem('yanshou-record')) || null);

  const show = useCallback((list: RecordSummary[]) => {
    setRecords(list);
    setListed(true);
    setSelected((s) => (s !== null && list.some((r) => r.id === s) ? s : (list[0]?.id ?? null)));
    return list;
  }, []);

  const refreshList = useCallback(async () => {
    try {
      return show(await api.listRecords({}));
    } catch (e) {
      onError(e);
      return null;
    }
  }, [onError, show]);

  useEffect(() => {
    void refreshList().then(() => pinyinModule().then(setPinyin, onError));
  }, [refreshList]); // eslint-disable-line react-hooks/exhaustive-deps

  // Others' changes (another window, the command line, a colleague in the workspace: a status, an
  // import, a county deleted) reach the list when this window comes to the front again, and every
  // 30 s while it is shown. A list that fails here is not reported: the next thing the person does is.
  useEffect(() => {
    const again = () => {
      if (document.visibilityState === 'visible') api.listRecords({}).then(show, () => undefined);
    };
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    const timer = setInterval(again, OTHERS_SEEN_EVERY_MS);
    return () => {
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
      clearInterval(timer);
    };
  }, [show]);

  useEffect(() => {
    if (selected !== null) localStorage.setItem('yanshou-record', String(selected));
  }, [selected]);

  return { records, listed, selected, setSelected, refreshList, pinyin };
}
