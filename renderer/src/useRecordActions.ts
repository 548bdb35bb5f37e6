// What the user does to records besides typing in a cell, held for React: the rules are
// recordActions.ts (each waits for typed values to be written first, or says why it cannot).
import { useRef, type RefObject } from 'react';
import { api } from './api';
import { RecordActions, type ActionsHost, type UnsavedHolder } from './recordActions';

export type { PerformanceField } from './recordActions';

type Options = Omit<ActionsHost, 'api' | 'recordView' | 'countySaves'> & { recordView: RefObject<UnsavedHolder | null> };

export function useRecordActions({ recordView, ...options }: Options) {
  const countySaves = useRef(new Set<Promise<unknown>>());
  return new RecordActions({ ...options, api, recordView: () => recordView.current, countySaves: countySaves.current });
}
