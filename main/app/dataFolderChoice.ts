/**
 * The data folder on the desktop: shown and confirmed on first start (before any window opens),
 * changeable later from the menu (文件 → 更改数据文件夹…). The choice itself is kept by
 * main/core/runtime/dataLocation.ts in Electron's settings folder (userData), never in the data folder.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { dataDirProblem, holdsArchive, resolveStartupDataDir, saveDataDir } from '../core/runtime/dataLocation';
import { defaultDataDir } from '../core/runtime/dataDir';
import os from 'node:os';

const TITLE = 'OneBag 一袋式档案';

/** The folder for this start; on a first start the user confirms or picks it. Null: the user quit. */
export async function chooseStartupDataDir(): Promise<string | null> {
  const configDir = app.getPath('userData');
  const start = resolveStartupDataDir(process.argv, process.env, configDir, defaultDataDir(os.homedir()));
  if (!start.firstRun) return start.dataDir;

  let proposed = start.dataDir;
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: '选择数据文件夹',
      message: '请确认 OneBag 保存档案数据的位置',
      detail: [
        `数据文件夹：${proposed}`,
        '',
        '档案数据库、上传的原件和自动备份都保存在这个文件夹里；本软件不联网，数据不会离开本机。',
        '建议选择定期备份的磁盘位置。以后可在菜单“文件 → 更改数据文件夹…”中更改；卸载本软件不会删除这个文件夹。',
      ].join('\n'),
      buttons: ['使用此位置', '选择其他文件夹…', '退出'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (response === 2) return null;
    if (response === 1) {
      const picked = await pickFolder(null, proposed);
      if (picked) proposed = picked;
      continue;
    }
    const problem = dataDirProblem(proposed);
    if (problem) {
      dialog.showErrorBox(TITLE, `${problem}\n\n请选择其他文件夹。`);
      continue;
    }
    saveDataDir(configDir, proposed, new Date());
    return proposed;
  }
}

async function pickFolder(parent: BrowserWindow | null, defaultPath: string): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: '选择数据文件夹',
    defaultPath,
    buttonLabel: '选择此文件夹',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent'],
  };
  const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
}

/** Menu action: pick another folder, save it and restart there. The old folder is left as it is. */
export async function changeDataDir(parent: BrowserWindow | null, current: string): Promise<void> {
  const picked = await pickFolder(parent, current);
  if (!picked || picked === current) return;
  const problem = dataDirProblem(picked);
  if (problem) {
    dialog.showErrorBox(TITLE, problem);
    return;
  }
  const detail = [
    `新的数据文件夹：${picked}`,
    holdsArchive(picked)
      ? '该文件夹中已有 OneBag 档案数据，重新启动后将打开它。'
      : '该文件夹中还没有档案数据，重新启动后将从空白档案开始。',
    `原数据文件夹（${current}）中的数据不会被移动或删除；如需带走现有数据，请先在原位置制作备份，再到新位置恢复。`,
  ].join('\n');
  const options = {
    type: 'question' as const,
    title: '更改数据文件夹',
    message: '更改数据文件夹并重新启动 OneBag？',
    detail,
    buttons: ['更改并重新启动', '取消'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response !== 0) return;
  saveDataDir(app.getPath('userData'), picked, new Date());
  // --data / ONEBAG_DATA would override the saved choice: restart without them.
  app.relaunch({
    args: process.argv.slice(1).filter((a, i, all) => a !== '--data' && all[i - 1] !== '--data' && !a.startsWith('--data=')),
  });
  app.quit();
}
