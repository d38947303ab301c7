// UI end-to-end support: the packaged extension installed into code-server 4.139.1 (the real VS Code web
// workbench with a Node extension host), driven by Debian's chromium through playwright-core.
// Screenshots land in test-results/. Facts: /work/shared/notes/real-vscode-offline.md.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type * as CodeServerModule from '../../scripts/lib/code-server.mjs';

type CodeServerLib = typeof CodeServerModule;

function findRepoRoot(): string {
  let dir = typeof __dirname === 'string' && isAbsolute(__dirname) ? __dirname : process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'scripts', 'lib', 'code-server.mjs'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (scripts/lib/code-server.mjs)');
    dir = up;
  }
}

export const repoRoot = findRepoRoot();
// The LocalStack run goes beside the moto one: its screenshots must not overwrite moto's.
export const resultsDir = join(
  repoRoot,
  'test-results',
  ...(process.env.LCL_TEST_BACKEND === 'localstack' ? ['localstack'] : []),
);

function lib(): Promise<CodeServerLib> {
  return import(pathToFileURL(join(repoRoot, 'scripts', 'lib', 'code-server.mjs')).href) as Promise<CodeServerLib>;
}

/**
 * Packages the extension into a fresh temporary folder and returns the .vsix path.
 * Builds first unless LCL_BUILT=1 (scripts/test.mjs has just built).
 */
export function packageVsix(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'lcl-vsix-'));
  const args = [join(repoRoot, 'scripts', 'package.mjs'), '--out', outDir];
  if (process.env.LCL_BUILT === '1') args.push('--no-build');
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  const match = /\[package\] (\S+\.vsix)/.exec(r.stdout ?? '');
  if (r.status !== 0 || !match) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`Package extension failed (exit ${r.status}):\n${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  }
  return match[1];
}

export interface OpenOptions {
  /** Absolute folder to open. */
  workspace: string;
  /** User settings (on top of the hygiene settings), e.g. the emulator endpoint. */
  settings?: Record<string, unknown>;
  /** The .vsix to install; default: env LCL_VSIX, else package one now. */
  vsix?: string;
  viewport?: { width: number; height: number };
}

export interface Workbench {
  readonly url: string;
  readonly page: Page;
  readonly context: BrowserContext;
  /** Shows the view container whose activity-bar item's label starts with `label` (never toggles it closed). */
  openContainer(label: string): Promise<void>;
  /** Waits for a tree/list row in the side bar whose text contains `text`; returns it. */
  treeRow(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** The side-bar row whose label is exactly `label` (a string) or matches it (a RegExp), optionally with `text`. */
  labelRow(label: string | RegExp, text?: RegExp): Locator;
  /** Expands that row (waiting for it first) unless it is expanded already. */
  expandRow(label: string | RegExp, text?: RegExp): Promise<void>;
  /** Drags the side bar's sash `px` to the right, so descriptions are readable in screenshots. */
  widenSidebar(px: number): Promise<void>;
  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor tab. */
  openFile(relativePath: string): Promise<void>;
  /** Runs a command from the command palette by its title. */
  runCommand(title: string): Promise<void>;
  /** Shows the Problems panel and returns it. */
  openProblems(): Promise<Locator>;
  /** Waits until the Problems panel lists a row matching `text`; returns every row's text. */
  waitForProblem(text: string | RegExp, timeoutMs?: number): Promise<string[]>;
  /** Saves test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Runs `fn`; if it throws, saves test-results/<name>-failure.png and VS Code's logs first, then rethrows. */
  capture<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

/** Installs the extension into an isolated code-server, starts it and opens the folder in chromium. */
export async function openWorkbench(opts: OpenOptions): Promise<Workbench> {
  const cs = await lib();
  cs.ensureCodeServer({ quiet: true });
  cs.ensureChromium();
  // scripts/test.mjs packages once per run and passes it in LCL_VSIX; alone, a test packages its own.
  const given = opts.vsix ?? process.env.LCL_VSIX;
  const ownVsix = given ? undefined : packageVsix();
  const vsix = given ?? ownVsix!;
  const profile = cs.createProfile({ settings: opts.settings ?? {}, prefix: 'lcl-e2e-' });
  let server: Awaited<ReturnType<CodeServerLib['startCodeServer']>> | undefined;
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    profile.dispose();
    if (ownVsix) rmSync(dirname(ownVsix), { recursive: true, force: true });
  };
  try {
    cs.installExtension(profile, vsix);
    server = await cs.startCodeServer(profile);
    context = await cs.launchChromium(profile.browser, opts.viewport ? { viewport: opts.viewport } : {});
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/?folder=${encodeURIComponent(opts.workspace)}`);
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    return makeWorkbench(server.url, page, context, close, join(profile.userData, 'logs'));
  } catch (err) {
    const log = cs.tail(profile.log);
    await close();
    throw new Error(`Open code-server failed: ${err instanceof Error ? err.message : String(err)}\n${log}`);
  }
}

function makeWorkbench(
  url: string,
  page: Page,
  context: BrowserContext,
  close: () => Promise<void>,
  logsDir: string,
): Workbench {
  const sidebar = page.locator('.part.sidebar');
  const problemsPanel = page.locator('.markers-panel');

  const wb: Workbench = {
    url,
    page,
    context,
    async openContainer(label) {
      const item = page.locator(`.activitybar .action-item:has([aria-label^="${label}"])`).first();
      await item.waitFor({ timeout: 30_000 });
      // Clicking the item of the container already shown would hide the side bar.
      const checked = (await item.getAttribute('class'))?.split(/\s+/).includes('checked');
      if (!checked || !(await sidebar.isVisible())) await item.click();
      await sidebar.waitFor({ state: 'visible' });
    },
    async treeRow(text, timeoutMs = 30_000) {
      const row = sidebar.locator('.monaco-list-row', { hasText: text }).first();
      await row.waitFor({ timeout: timeoutMs });
      return row;
    },
    labelRow(label, text) {
      const exact = typeof label === 'string' ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : label;
      const rows = sidebar.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) });
      return (text ? rows.filter({ hasText: text }) : rows).first();
    },
    async expandRow(label, text) {
      const r = wb.labelRow(label, text);
      await r.waitFor({ timeout: 30_000 });
      if ((await r.getAttribute('aria-expanded')) !== 'true') await r.click();
      await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await r.elementHandle(), {
        timeout: 30_000,
      });
    },
    async widenSidebar(px) {
      const sash = await page.locator('.monaco-sash.primary-sidebar-sash').first().boundingBox();
      if (!sash) return;
      const x = sash.x + sash.width / 2;
      const y = sash.y + sash.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + px, y, { steps: 10 });
      await page.mouse.up();
    },
    async openFile(relativePath) {
      await page.keyboard.press(`${mod}+KeyP`);
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(relativePath);
      const name = relativePath.split('/').pop() ?? relativePath;
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor({ timeout: 30_000 });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    },
    async runCommand(title) {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    },
    async openProblems() {
      if (!(await problemsPanel.isVisible())) await wb.runCommand('Problems: Focus on Problems View');
      await problemsPanel.waitFor({ state: 'visible', timeout: 30_000 });
      return problemsPanel;
    },
    async waitForProblem(text, timeoutMs = 60_000) {
      const panel = await wb.openProblems();
      await panel.locator('.monaco-list-row', { hasText: text }).first().waitFor({ timeout: timeoutMs });
      return panel.locator('.monaco-list-row').allInnerTexts();
    },
    async screenshot(name) {
      mkdirSync(resultsDir, { recursive: true });
      const file = join(resultsDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async capture(name, fn) {
      try {
        const result = await fn();
        rmSync(join(resultsDir, `${name}-failure.png`), { force: true });
        rmSync(join(resultsDir, `${name}-logs`), { recursive: true, force: true });
        return result;
      } catch (err) {
        await wb.screenshot(`${name}-failure`).catch(() => undefined);
        // VS Code's own logs (extension host, language server output) explain most UI failures.
        if (existsSync(logsDir)) cpSync(logsDir, join(resultsDir, `${name}-logs`), { recursive: true });
        throw err;
      }
    },
    close,
  };
  return wb;
}
