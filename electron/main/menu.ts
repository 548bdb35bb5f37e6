// The application menu, in Chinese or English, with the platform's usual shortcuts.
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../../shared/i18n';

export type MenuActions = {
  import: () => void;
  export: () => void;
  print: () => void;
  template: () => void;
  openDataFile: () => void;
  openWorkspace: () => void;
  backupNow: () => void;
  undo: () => void;
  redo: () => void;
  switchLanguage: () => void;
  about: () => void;
  openLogFolder: () => void;
};

const WORDS = {
  zh: {
    file: '文件',
    import: '导入…',
    export: '导出…',
    print: '打印…',
    template: '空白验收表模板…',
    open: '打开数据文件…',
    workspace: '打开工作区…',
    backup: '立即备份',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    language: 'English',
    reload: '重新载入',
    zoomIn: '放大',
    zoomOut: '缩小',
    resetZoom: '实际大小',
    fullscreen: '全屏',
    devtools: '开发者工具',
    help: '帮助',
    about: '关于验收台',
    logs: '打开日志文件夹',
  },
  en: {
    file: 'File',
    import: 'Import…',
    export: 'Export…',
    print: 'Print…',
    template: 'Blank Acceptance Template…',
    open: 'Open Data File…',
    workspace: 'Open Workspace…',
    backup: 'Back Up Now',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    language: '中文',
    reload: 'Reload',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullscreen: 'Full Screen',
    devtools: 'Developer Tools',
    help: 'Help',
    about: 'About Yanshou',
    logs: 'Open Log Folder',
  },
};

export function menuTemplate(
  lang: Lang,
  actions: MenuActions,
  platform: NodeJS.Platform = process.platform,
  packaged = true,
): MenuItemConstructorOptions[] {
  const w = WORDS[lang];
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: w.file,
      submenu: [
        { id: 'import', label: w.import, accelerator: 'CmdOrCtrl+O', click: actions.import },
        { id: 'export', label: w.export, accelerator: 'CmdOrCtrl+E', click: actions.export },
        { id: 'print', label: w.print, accelerator: 'CmdOrCtrl+P', click: actions.print },
        { id: 'template', label: w.template, click: actions.template },
        { type: 'separator' },
        { id: 'open-data-file', label: w.open, click: actions.openDataFile },
        { id: 'open-workspace', label: w.workspace, click: actions.openWorkspace },
        { id: 'backup', label: w.backup, click: actions.backupNow },
        { type: 'separator' },
        { id: 'quit', label: w.quit, role: 'quit', accelerator: mac ? 'Cmd+Q' : 'Alt+F4' },
      ],
    },
    {
      label: w.edit,
      submenu: [
        { id: 'undo', label: w.undo, accelerator: 'CmdOrCtrl+Z', click: actions.undo },
        { id: 'redo', label: w.redo, accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: actions.redo },
        { type: 'separator' },
        { id: 'cut', label: w.cut, role: 'cut' },
        { id: 'copy', label: w.copy, role: 'copy' },
        { id: 'paste', label: w.paste, role: 'paste' },
        { id: 'select-all', label: w.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: w.view,
      submenu: [
        { id: 'language', label: w.language, click: actions.switchLanguage },
        { type: 'separator' },
        { id: 'zoom-in', label: w.zoomIn, role: 'zoomIn' },
        { id: 'zoom-out', label: w.zoomOut, role: 'zoomOut' },
        { id: 'reset-zoom', label: w.resetZoom, role: 'resetZoom' },
        { id: 'fullscreen', label: w.fullscreen, role: 'togglefullscreen' },
        ...(packaged
          ? []
          : [
              { type: 'separator' as const },
              { id: 'reload', label: w.reload, role: 'reload' as const },
              { id: 'devtools', label: w.devtools, role: 'toggleDevTools' as const },
            ]),
      ],
    },
    {
      label: w.help,
      submenu: [
        { id: 'about', label: w.about, click: actions.about },
        { id: 'logs', label: w.logs, click: actions.openLogFolder },
      ],
    },
  ];
}
