// Real keys and clicks in the workbench for the dialog tests. The extension API cannot type into a quick input or
// press a modal's button, so scripts/vscode-launcher.mjs (which opens VS Code in chromium through Playwright) serves a
// small bridge (scripts/lib/ui-driver.mjs) and hands its URL to the extension host as LCL_UI_DRIVER. What the test
// sends becomes keyboard and mouse events in the page, exactly as a user's would.
import { waitFor } from './helpers';

/** The bridge's URL; undefined when VS Code was not started by the launcher (a desktop VS Code). */
export const driverUrl = process.env.LCL_UI_DRIVER;

async function act<T = null>(body: Record<string, unknown>): Promise<T> {
  if (!driverUrl) throw new Error('LCL_UI_DRIVER is not set: run the suites through scripts/vscode-launcher.mjs');
  const res = await fetch(driverUrl, {
    method: 'POST',
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const out = (await res.json()) as { ok: boolean; value?: T; error?: string };
  if (!out.ok) throw new Error(`ui driver ${String(body.action)}: ${out.error ?? 'failed'}`);
  return out.value as T;
}

/** VS Code's own class names (code-server 4.139.1 / VS Code 1.139). */
export const SELECTORS = {
  quickInput: '.quick-input-widget',
  quickInputTitle: '.quick-input-widget .quick-input-title',
  /** The text box of the open quick input (the simple file dialog's path box too). */
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .monaco-list-row',
  /** The quick input's own buttons (the file dialog's accept button carries the openLabel). */
  quickInputButton: '.quick-input-widget .monaco-button',
  /** The line under the input box that shows validateInput's message. */
  quickInputMessage: '.quick-input-widget .quick-input-message, .quick-input-widget .monaco-inputbox-message',
  dialog: '.monaco-dialog-box',
  dialogButton: '.monaco-dialog-box .dialog-buttons .monaco-button',
} as const;

export const ui = {
  type: (text: string, delayMs?: number) => act({ action: 'type', text, delayMs }),
  press: (key: string) => act({ action: 'press', key }),
  click: (selector: string, text?: string) => act({ action: 'click', selector, text }),
  texts: (selector: string) => act<string[]>({ action: 'texts', selector }),
  values: (selector: string) => act<string[]>({ action: 'values', selector }),
  fill: (selector: string, text: string) => act({ action: 'fill', selector, text }),
  focused: (selector: string) => act<boolean>({ action: 'focused', selector }),

  /**
   * Waits until a quick input is open, its text (title, prompt, items) contains `expected` and its box has the focus:
   * keys typed before the box takes the focus (it shows a moment earlier, more so after another one just closed)
   * would go elsewhere.
   */
  async quickInput(expected: string | RegExp): Promise<string> {
    return (await waitFor(`a quick input showing ${String(expected)}, its box focused`, async () => {
      const text = (await ui.texts(SELECTORS.quickInput)).join('\n');
      if (!(typeof expected === 'string' ? text.includes(expected) : expected.test(text))) return undefined;
      return (await ui.focused(SELECTORS.quickInputBox)) ? text : undefined;
    })) as string;
  },

  /** Waits until no quick input is open. */
  async quickInputClosed(): Promise<void> {
    await waitFor('the quick input to close', async () => (await ui.texts(SELECTORS.quickInput)).length === 0);
  },

  /** In the open input box titled `expected`: types `text` and presses Enter. */
  async answer(expected: string | RegExp, text: string): Promise<void> {
    await ui.quickInput(expected);
    await ui.type(text);
    await ui.press('Enter');
  },

  /** In the open quick pick titled `expected`: filters by `label` and presses Enter on the first match. */
  async pick(expected: string | RegExp, label: string): Promise<void> {
    await ui.quickInput(expected);
    await ui.type(label);
    await waitFor(`"${label}" to be the focused item`, async () =>
      (await ui.texts('.quick-input-widget .monaco-list-row.focused')).some((t) => t.includes(label)),
    );
    await ui.press('Enter');
  },

  /**
   * In VS Code's own file dialog (the web workbench's simple one, a quick input whose accept button is labelled
   * `openLabel`): waits until it has read its first folder, puts `path` into its box in one go and waits until the
   * box still holds it. Typing a path key by key races the dialog: at every "/" it reads the next folder and rewrites
   * the box, and keys that arrive meanwhile are lost when the machine is busy.
   */
  async filePath(openLabel: string, path: string): Promise<void> {
    await waitFor(`the file dialog "${openLabel}" to show a folder`, async () => {
      const buttons = await ui.texts(SELECTORS.quickInputButton);
      const [box] = await ui.values(SELECTORS.quickInputBox);
      const rows = await ui.texts(SELECTORS.quickInputRow);
      return buttons.some((b) => b.includes(openLabel)) && !!box?.startsWith('/') && rows.length > 0;
    });
    await waitFor(`the file dialog to hold ${path}`, async () => {
      const [box] = await ui.values(SELECTORS.quickInputBox);
      if (box === path) return true;
      await ui.fill(SELECTORS.quickInputBox, path);
      return false;
    });
  },

  /** Presses the file dialog's accept button (labelled with the command's openLabel). */
  acceptFile: (openLabel: string) => ui.click(SELECTORS.quickInputButton, openLabel),

  /** The validation message under the open input box, once it contains `expected`. */
  async validation(expected: string | RegExp): Promise<string> {
    return (await waitFor(`the validation message ${String(expected)}`, async () => {
      const text = (await ui.texts(SELECTORS.quickInputMessage)).join('\n');
      return (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) ? text : undefined;
    })) as string;
  },

  /** Waits for a modal dialog whose text contains `expected`; returns its text. */
  async dialog(expected: string | RegExp): Promise<string> {
    return (await waitFor(`a dialog showing ${String(expected)}`, async () => {
      const text = (await ui.texts(SELECTORS.dialog)).join('\n');
      return (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) ? text : undefined;
    })) as string;
  },

  /** Clicks the modal dialog's button labelled `label`. */
  clickDialogButton: (label: string) => act({ action: 'click', selector: SELECTORS.dialogButton, text: label }),

  async dialogClosed(): Promise<void> {
    await waitFor('the dialog to close', async () => (await ui.texts(SELECTORS.dialog)).length === 0);
  },
};
