// Types for code-server.mjs, so the TypeScript test helpers can use it.
import type { BrowserContext } from 'playwright-core';

export declare const NODE24_VERSION: string;
export declare const CODE_SERVER_VERSION: string;
export declare const repoRoot: string;
export declare const chromiumPath: string;
export declare const chromiumArgs: string[];
export declare const hygieneSettings: Record<string, unknown>;

export interface CachePaths {
  cache: string;
  nodeBinDir: string;
  codeServer: string;
}
export declare function cachePaths(): CachePaths;
export declare function ensureCodeServer(opts?: { quiet?: boolean }): CachePaths;
export declare function ensureChromium(): string;
export declare function freePort(): Promise<number>;

export interface Profile {
  root: string;
  userData: string;
  extensions: string;
  config: string;
  home: string;
  tmp: string;
  browser: string;
  log: string;
  env: NodeJS.ProcessEnv;
  dispose(): void;
}
export declare function createProfile(opts?: {
  settings?: Record<string, unknown>;
  prefix?: string;
  keep?: boolean;
}): Profile;
export declare function installExtension(profile: Profile, vsix: string): string;

export interface RunningCodeServer {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}
export declare function startCodeServer(
  profile: Profile,
  opts?: { port?: number; extraArgs?: string[]; readyTimeoutMs?: number },
): Promise<RunningCodeServer>;
export declare function tail(file: string, lines?: number): string;
export declare function launchChromium(
  userDataDir: string,
  opts?: { viewport?: { width: number; height: number } },
): Promise<BrowserContext>;
