// The words of find and replace (Ctrl+F / Ctrl+H), Chinese first.
export const FIND_STRINGS = {
  zh: {
    find: '查找',
    replaceWith: '替换为',
    next: '下一个',
    previous: '上一个',
    replaceAll: '全部替换',
    close: '关闭',
    count: (at: number, of: number) => `第 ${at} / ${of} 处`,
    none: '没有找到',
    total: (n: number) => `共 ${n} 处`,
    scope: '在本记录的基本情况、表二、表三和拨付台账的文字中查找(简繁通用)',
    replaced: (count: number, find: string, by: string) => `已替换 ${count} 处:“${find}”→“${by}”(可撤销)`,
    nothingReplaced: (find: string) => `没有找到“${find}”,未替换`,
  },
  en: {
    find: 'Find',
    replaceWith: 'Replace with',
    next: 'Next',
    previous: 'Previous',
    replaceAll: 'Replace all',
    close: 'Close',
    count: (at: number, of: number) => `${at} of ${of}`,
    none: 'Not found',
    total: (n: number) => `${n} found`,
    scope: "Finds in this record's basic facts, tables 2 and 3 and the ledger's texts (simplified and traditional alike)",
    replaced: (count: number, find: string, by: string) =>
      `Replaced ${count} ${count === 1 ? 'place' : 'places'}: “${find}” → “${by}” (undo brings it back)`,
    nothingReplaced: (find: string) => `“${find}” not found; nothing replaced`,
  },
} as const;
