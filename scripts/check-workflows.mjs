#!/usr/bin/env node
/**
 * Checks the GitHub Actions workflows offline (`npm run lint:workflows`; they can only RUN on a
 * networked CI):
 *
 *   node --import tsx scripts/check-workflows.mjs [file …]     (default: .github/workflows/*.yml)
 *
 * 1. GitHub's own workflow schema and expression parser (@actions/workflow-parser, the library
 *    behind GitHub's Actions language service): unknown keys, wrong value types, broken
 *    ${{ }} expressions, bad `needs`.
 * 2. Every file a step names (`node scripts/x.mjs`, `-c tests/…/playwright.config.ts`) exists.
 * 3. Every action is pinned to a version (`owner/name@v4` or a commit), never a branch.
 * 4. release.yml keeps what the release depends on: the installer matrix (NSIS Windows x64,
 *    deb + AppImage Linux x64 and arm64), packaging, the self-test, the desktop smoke test,
 *    SHA-256 checksums and the upload.
 * (tsx's loader is needed because the parser imports its schema JSON without an import attribute.)
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files named by run steps, relative to the repository. */
function referencedFiles(run) {
  const out = [];
  for (const m of run.matchAll(/\bnode\s+(?:--import\s+\S+\s+)?(scripts\/[\w./-]+\.m?[jt]s)\b/g)) out.push(m[1]);
  for (const m of run.matchAll(/\s-c\s+([\w./-]+\.ts)\b/g)) out.push(m[1]);
  return out;
}

function releaseStructure(doc) {
  const problems = [];
  const job = doc?.jobs?.build;
  const include = job?.strategy?.matrix?.include ?? [];
  const has = (pred, what) => {
    if (!include.some(pred)) problems.push(`矩阵缺少 / matrix lacks ${what}`);
  };
  const targets = (e) =>
    String(e.targets ?? '')
      .split(',')
      .map((t) => t.trim());
  has((e) => /^windows-/.test(e.os) && e.arch === 'x64' && targets(e).includes('nsis'), 'Windows x64 NSIS');
  for (const arch of ['x64', 'arm64']) {
    has(
      (e) => /^ubuntu-/.test(e.os) && e.arch === arch && targets(e).includes('deb') && targets(e).includes('AppImage'),
      `Linux ${arch} deb + AppImage`,
    );
  }
  const steps = job?.steps ?? [];
  const runs = steps.map((s) => String(s.run ?? '')).join('\n');
  const need = (re, what) => {
    if (!re.test(runs)) problems.push(`缺少步骤 / no step ${what}`);
  };
  need(/npm run package\b/, 'npm run package');
  need(/--self-test\b/, 'running the self-test');
  need(/tests\/electron\/playwright\.config\.ts/, 'running the desktop smoke test');
  need(/scripts\/sha256sums\.mjs/, 'writing SHA-256 checksums');
  need(/xvfb-run/, 'using Xvfb on Linux');
  const upload = steps.find(
    (s) => String(s.uses ?? '').startsWith('actions/upload-artifact@') && /SHA256SUMS/.test(String(s.with?.path ?? '')),
  );
  if (!upload) problems.push('缺少上传安装包及校验和的步骤 / no upload of artefacts with checksums');
  else if (upload.with?.['if-no-files-found'] !== 'error')
    problems.push('上传步骤应在没有文件时失败 / upload must fail when nothing matches');
  return problems;
}

/** All problems of one workflow file's text; [] when it is fine. */
export async function checkWorkflow(name, content) {
  const problems = [];
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  for (const e of parsed.context.errors.getErrors()) problems.push(e.message);
  if (parsed.value && problems.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    for (const e of template.errors ?? []) problems.push(e.Message);
  }
  let doc;
  try {
    doc = YAML.parse(content);
  } catch (err) {
    problems.push(`YAML: ${err.message}`);
    return problems;
  }
  for (const [jobId, job] of Object.entries(doc?.jobs ?? {})) {
    for (const step of job?.steps ?? []) {
      const uses = step?.uses;
      if (typeof uses === 'string' && !uses.startsWith('./') && !/@(v\d+(\.\d+)*|[0-9a-f]{40})$/.test(uses)) {
        problems.push(`${jobId}: 未固定版本的 action / unpinned action ${uses}`);
      }
      for (const f of referencedFiles(String(step?.run ?? ''))) {
        if (!fs.existsSync(path.join(root, f))) problems.push(`${jobId}: 步骤引用的文件不存在 / missing file ${f}`);
      }
    }
  }
  if (path.basename(name) === 'release.yml') problems.push(...releaseStructure(doc));
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.join(root, '.github', 'workflows');
  const files =
    process.argv.length > 2
      ? process.argv.slice(2)
      : fs
          .readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => path.join(dir, f));
  let failed = 0;
  for (const file of files) {
    const problems = await checkWorkflow(path.basename(file), fs.readFileSync(file, 'utf8'));
    if (problems.length === 0) {
      console.log(`workflows: ${path.relative(root, path.resolve(file))} — ok`);
    } else {
      failed++;
      for (const p of problems) console.error(`✖ ${path.relative(root, path.resolve(file))}: ${p}`);
    }
  }
  if (files.length === 0) console.error('workflows: .github/workflows 中没有工作流 / no workflows found');
  process.exit(failed > 0 || files.length === 0 ? 1 : 0);
}
