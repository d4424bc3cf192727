import { loadDemo } from '../../demo/demo';
import { appStatus } from '../../api/appStatus';
import { getSetting, setSetting } from '../../core/runtime/settings';
import { AppError } from '../../../shared/result';
import type { ProgressEvent } from '../../../shared/api';
import { defaultOperator, withCore, type CommandContext } from '../util';
import { parseFlagsOnly } from '../flags';

/**
 * Progress on stderr (stdout keeps the result): a line every 10 % and at the end, naming what
 * is being done, e.g. "正在生成示例档案材料（45/261，17%）".
 */
function progressLines(write: (line: string) => void): (e: ProgressEvent) => void {
  let tenth = -1;
  return (e) => {
    const t = e.total > 0 ? Math.floor((e.done / e.total) * 10) : 0;
    if (t === tenth && !e.finished) return;
    tenth = t;
    write(`${e.label.split('：')[0]!}（${e.done}/${e.total}，${e.total > 0 ? Math.floor((e.done / e.total) * 100) : 0}%）`);
  };
}

/** `onebag demo`: loads the demo county (cadres with their bags) into the data directory. */
export async function demoCommand(c: CommandContext): Promise<number> {
  parseFlagsOnly('demo', c.args, {});
  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    const before = appStatus(core.ctx);
    if (before.cadreCount > 0) {
      throw new AppError('CONFLICT', `数据目录中已有 ${before.cadreCount} 名干部，演示数据只能载入空的数据目录：${c.dataDir}`);
    }
    if (!getSetting(db, 'operator')) setSetting(db, 'operator', defaultOperator());
    await loadDemo(core.ctx, core.blobs, { onProgress: progressLines(c.err) });
    setSetting(db, 'setupDone', '1');
    const after = appStatus(core.ctx);
    c.out(`已载入演示数据：${after.cadreCount} 名干部，${after.materialCount} 份材料`);
    c.out(`数据目录：${c.dataDir}`);
    return 0;
  });
}
