/**
 * Bench helper: Chromium's print-to-PDF of an HTML file in a WARM browser, timed the way
 * OneBag is timed (a long-lived process with its fonts loaded, pdf-notes G13).
 *
 * The browser is started once through Playwright (Debian's /usr/bin/chromium), prints a small
 * warm-up document that uses the same @font-face files, then prints the measured document:
 * load → fonts ready → page.pdf() written to disk. Browser start-up is NOT counted.
 *
 * CPU is the user+system time of every process of the browser's tree (browser, renderer, GPU,
 * utility), read from /proc before and after, plus the time of children that exited in between
 * (cutime/cstime). The wall time also includes Playwright moving the PDF to this process.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';

const TICK = 100; // USER_HZ on Linux

/** user+system CPU seconds of `pid` and the children it has waited for, or 0 when gone. */
function procCpu(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after "(comm) ": state=0 … utime=11 stime=12 cutime=13 cstime=14
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICK;
  } catch {
    return 0;
  }
}

/** Pids of `root` and all its descendants. */
function tree(root: number): number[] {
  const kids = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const a = kids.get(ppid) ?? [];
      a.push(Number(d));
      kids.set(ppid, a);
    } catch {
      // the process exited while we looked
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const k of kids.get(p) ?? []) walk(k);
  };
  walk(root);
  return out;
}

/** CPU seconds of the browser tree, per pid (so a process that starts or ends mid-run is handled). */
function treeCpu(root: number): Map<number, number> {
  return new Map(tree(root).map((p) => [p, procCpu(p)]));
}

function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let s = 0;
  for (const [pid, c] of after) s += c - (before.get(pid) ?? 0);
  return s;
}

export interface WarmPrint {
  wallS: number;
  cpuS: number;
  out: string;
}

export class WarmChromium {
  private constructor(
    private readonly browser: Browser,
    private readonly pid: number,
  ) {}

  /** Starts the browser and prints `warmHtml` once (fonts and print path warmed up). */
  static async start(executablePath: string, warmHtml: string, warmOut: string): Promise<WarmChromium> {
    const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--no-sandbox', '--disable-background-networking'] });
    // Playwright exposes no pid; the launched browser is our child named chrom*.
    const pid = tree(process.pid).find((p) => p !== process.pid && /chrom/i.test(fs.readFileSync(`/proc/${p}/comm`, 'utf8')));
    if (!pid) throw new Error('Chromium process not found under this process');
    const w = new WarmChromium(browser, pid);
    await w.print(warmHtml, warmOut);
    return w;
  }

  /** Opens `html` in a fresh page, waits for its fonts and prints it to `out` with the CSS page sizes. */
  async print(html: string, out: string): Promise<WarmPrint> {
    const before = treeCpu(this.pid);
    const t = performance.now();
    const page = await this.browser.newPage();
    page.setDefaultTimeout(300_000);
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 300_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    await page.close();
    const wallS = (performance.now() - t) / 1000;
    return { wallS, cpuS: cpuBetween(before, treeCpu(this.pid)), out };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
