// The emulator the extension started itself (moto, or LocalStack on the host): a child process in its own process
// group whose output goes to the "Local Cloud Lab: Emulator" output channel, stopped by "Stop Emulator" — it, and
// only it. Emulators started in a terminal (LocalStack CLI, docker compose) are stopped with their own stop command.
import { spawn, type ChildProcess } from 'node:child_process';
import * as vscode from 'vscode';
import type { Launcher } from './launchers';

export class EmulatorProcess implements vscode.Disposable {
  private child: ChildProcess | undefined;
  private running: Launcher | undefined;
  /** The last launcher started in a terminal that has a stop command. */
  private inTerminal: Launcher | undefined;
  private channel: vscode.OutputChannel | undefined;

  /** Starts the launcher: as a child process with its log in the output channel, or typed into a terminal. */
  start(launcher: Launcher): void {
    if (!launcher.process) {
      const terminal = vscode.window.createTerminal({ name: `Emulator: ${launcher.label}`, cwd: launcher.cwd });
      terminal.show(true);
      terminal.sendText(launcher.command, true);
      if (launcher.stopCommand) this.inTerminal = launcher;
      return;
    }
    if (this.child) void this.stop();
    this.channel ??= vscode.window.createOutputChannel('Local Cloud Lab: Emulator');
    const channel = this.channel;
    channel.show(true);
    channel.appendLine(`$ ${launcher.command}`);
    const child = spawn(launcher.process.file, [...launcher.process.args], {
      cwd: launcher.cwd,
      env: { ...process.env, ...launcher.process.env, PYTHONUNBUFFERED: '1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const append = (d: Buffer): void => channel.append(d.toString('utf8'));
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    child.on('error', (err) => channel.appendLine(`[could not start: ${err.message}]`));
    child.on('exit', (code, signal) => {
      channel.appendLine(`[${launcher.label} exited${signal ? ` on ${signal}` : ` with code ${code}`}]`);
      if (this.child === child) {
        this.child = undefined;
        this.running = undefined;
      }
    });
    this.child = child;
    this.running = launcher;
  }

  /** What "Stop Emulator" would stop, for its confirmation; undefined when nothing of ours runs. */
  describe(): string | undefined {
    if (this.running) return `${this.running.label} (process ${this.child?.pid}, started by Local Cloud Lab)`;
    if (this.inTerminal) return `${this.inTerminal.label} (with \`${this.inTerminal.stopCommand}\`)`;
    return undefined;
  }

  /** Stops what this extension started; true when there was something to stop. */
  async stop(): Promise<boolean> {
    const child = this.child;
    if (child?.pid !== undefined && child.exitCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      const kill = (signal: NodeJS.Signals): void => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      };
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      return true;
    }
    const launcher = this.inTerminal;
    if (launcher?.stopCommand) {
      const terminal = vscode.window.createTerminal({ name: `Emulator: stop ${launcher.label}`, cwd: launcher.cwd });
      terminal.show(true);
      terminal.sendText(launcher.stopCommand, true);
      this.inTerminal = undefined;
      return true;
    }
    return false;
  }

  dispose(): void {
    void this.stop();
    this.channel?.dispose();
  }
}
