// A small HTTP bridge from the extension-host tests to the browser page that shows the workbench, so a test can
// press real keys and click real buttons in VS Code's own dialogs (quick input, modal message boxes, the simple file
// dialog), which the extension API cannot reach. Listens on 127.0.0.1 only, behind a random token; one request at a
// time, JSON in and out:
//   { action: 'type', text, delayMs? }        types into whatever has focus (keyboard events, one per character)
//   { action: 'press', key }                  one key or chord, Playwright names: 'Enter', 'Escape', 'ArrowDown'
//   { action: 'click', selector, text? }      clicks the first visible match (optionally containing `text`)
//   { action: 'fill', selector, text }        replaces the first visible input's value at once (one input event)
//   { action: 'texts', selector }             the inner text of every visible match
//   { action: 'values', selector }            the value of every visible matching input
//   { action: 'focused', selector }           whether the element that has focus matches `selector`
//   { action: 'wait', selector, state?, timeoutMs? }   waits until a match is 'visible' (default) or 'hidden'
// Answers { ok: true, value } or { ok: false, error }.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

/** Starts the bridge for `page()` (read on each request); resolves with its URL (token included) and a closer. */
export async function startUiDriver(page) {
  const token = randomBytes(16).toString('hex');
  const act = async (req) => {
    const p = page();
    if (!p) throw new Error('the workbench page is not open yet');
    switch (req.action) {
      case 'type':
        await p.keyboard.type(String(req.text ?? ''), { delay: Number(req.delayMs ?? 5) });
        return null;
      case 'press':
        await p.keyboard.press(String(req.key));
        return null;
      case 'click': {
        let loc = p.locator(String(req.selector)).locator('visible=true');
        if (req.text) loc = loc.filter({ hasText: String(req.text) });
        await loc.first().click({ timeout: Number(req.timeoutMs ?? 10_000) });
        return null;
      }
      case 'fill':
        await p
          .locator(String(req.selector))
          .locator('visible=true')
          .first()
          .fill(String(req.text ?? ''), { timeout: Number(req.timeoutMs ?? 10_000) });
        return null;
      case 'values':
        return p
          .locator(String(req.selector))
          .locator('visible=true')
          .evaluateAll((els) => els.map((e) => e.value ?? ''));
      case 'texts':
        return p.locator(String(req.selector)).locator('visible=true').allInnerTexts();
      case 'focused':
        // Runs in the page: `document` is the workbench's.
        return p.evaluate(
          (selector) => globalThis.document.activeElement?.matches(selector) ?? false,
          String(req.selector),
        );
      case 'wait':
        await p
          .locator(String(req.selector))
          .first()
          .waitFor({ state: req.state === 'hidden' ? 'hidden' : 'visible', timeout: Number(req.timeoutMs ?? 10_000) });
        return null;
      default:
        throw new Error(`unknown action ${JSON.stringify(req.action)}`);
    }
  };
  let queue = Promise.resolve();
  const server = createServer((request, response) => {
    const reply = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || request.url !== `/${token}`) return reply(404, { ok: false, error: 'not found' });
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (d) => (raw += d));
    request.on('end', () => {
      // One action at a time, in the order they arrive: keystrokes must not interleave.
      queue = queue.then(async () => {
        try {
          reply(200, { ok: true, value: await act(JSON.parse(raw)) });
        } catch (err) {
          reply(200, { ok: false, error: err instanceof Error ? err.message : String(err) });
        }
      });
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
