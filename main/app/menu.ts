/**
 * The Chinese application menu. "打开数据文件夹" and "更改数据文件夹…" act on the folder this
 * process opened (command line, environment, saved choice or default — never renderer input).
 */
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { changeDataDir } from './dataFolderChoice';

const WINDOW_TITLE = 'OneBag 一袋式档案';

export function buildMenu(dataDir: string, window: () => BrowserWindow | null): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        {
          label: '打开数据文件夹',
          click: () => {
            // dataDir is ours (command line, environment or userData), never renderer input.
            void shell.openPath(dataDir).then((error) => {
              if (error) dialog.showErrorBox(WINDOW_TITLE, `无法打开数据文件夹：${error}`);
            });
          },
        },
        {
          label: '更改数据文件夹…',
          click: () => {
            void changeDataDir(window(), dataDir).catch((err: unknown) => {
              dialog.showErrorBox(WINDOW_TITLE, `无法更改数据文件夹：${(err as Error)?.message ?? String(err)}`);
            });
          },
        },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于 OneBag',
          click: () => {
            const mainWindow = window();
            const options = {
              type: 'info' as const,
              title: '关于 OneBag',
              message: WINDOW_TITLE,
              detail: [
                `版本 ${app.getVersion()}`,
                '选派干部一袋式实绩档案（离线版）',
                '本软件不联网：不检查更新，不收集任何数据。',
                `数据文件夹：${dataDir}`,
                `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
              ].join('\n'),
              buttons: ['确定'],
            };
            void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
