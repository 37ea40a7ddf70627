import { expect, test, type Page } from '@playwright/test';

/** The test hooks the app exposes (see src/ui/terminal/TerminalView.tsx and src/ui/editor/monacoSetup.ts). */
interface Hooks {
  __terminal?: { text(): string; input(data: string): void; busy(): boolean };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  __monaco?: any;
}

const EDITOR_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: from-editor
spec:
  replicas: 2
  selector:
    matchLabels:
      app: from-editor
  template:
    metadata:
      labels:
        app: from-editor
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as Hooks).__terminal?.text() ?? '');
}

/** Waits until the terminal shows `expected` after the `from`-th character of its text. */
async function expectOutput(page: Page, from: number, expected: string | RegExp): Promise<string> {
  let out = '';
  await expect
    .poll(
      async () => {
        out = (await terminalText(page)).slice(from);
        return typeof expected === 'string' ? out.includes(expected) : expected.test(out);
      },
      { message: `terminal output should show ${expected}` },
    )
    .toBe(true)
    .catch((err: Error) => {
      throw new Error(`${err.message}\n--- terminal output ---\n${out}`);
    });
  return out;
}

/** Types a line with the keyboard, presses Enter, waits for the command to finish. */
async function run(page: Page, line: string, expected: string | RegExp): Promise<string> {
  const from = (await terminalText(page)).length;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const out = await expectOutput(page, from, expected);
  await expect.poll(() => page.evaluate(() => (window as unknown as Hooks).__terminal?.busy())).toBe(false);
  return out;
}

test('kubectl in the terminal: apply from the editor and from a heredoc, get pods, completion', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.goto('/');
  await page.getByTestId('tab-terminal').click();
  await page.waitForFunction(() => !!(window as unknown as Hooks).__terminal);
  await expectOutput(page, 0, '$ ');
  await page.getByTestId('terminal').click();

  // kubectl version
  const version = await run(page, 'kubectl version', /Server Version: v\d/);
  expect(version).toContain('Client Version');

  // apply -f manifest.yaml applies the editor's text
  await page.waitForFunction(() => ((window as unknown as Hooks).__monaco?.editor.getModels().length ?? 0) > 0);
  await page.evaluate((t) => (window as unknown as Hooks).__monaco.editor.getModels()[0].setValue(t), EDITOR_DEPLOYMENT);
  await run(page, 'k apply -f manifest.yaml', 'deployment.apps/from-editor created');

  // A heredoc with three documents, the middle one invalid: the others apply, it reports its error.
  const heredoc = [
    'cat <<EOF | kubectl apply -f -',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: settings',
    'data:',
    '  mode: demo',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: broken',
    'spec:',
    '  replicas: lots',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector:',
    '    app: from-editor',
    '  ports:',
    '    - port: 80',
    'EOF',
    '',
  ].join('\r');
  const from = (await terminalText(page)).length;
  await page.evaluate((d) => (window as unknown as Hooks).__terminal!.input(d), heredoc);
  const applied = await expectOutput(page, from, 'service/web created');
  expect(applied).toContain('configmap/settings created');
  expect(applied).toMatch(/broken|replicas/);
  expect(applied).not.toContain('deployment.apps/broken created');

  // Let the cluster work, then read the pods table.
  await page.getByTestId('speed-60').click();
  await page.waitForTimeout(1500);
  await page.getByTestId('terminal').click();
  const pods = await run(page, 'kubectl get pods', /from-editor-\S+\s+1\/1\s+Running/);
  expect(pods).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  expect(pods.match(/from-editor-\S+\s+1\/1\s+Running/g)?.length).toBe(2);

  // Unknown commands answer like bash.
  await run(page, 'foo --bar', 'foo: command not found');

  // Tab completes kubectl's subcommands.
  const before = (await terminalText(page)).length;
  await page.keyboard.type('kubectl ge');
  await page.keyboard.press('Tab');
  await expectOutput(page, before, 'kubectl get ');
  expect((await terminalText(page)).split('\n').pop()).toBe('$ kubectl get ');
  await page.keyboard.press('Control+C');

  await page.screenshot({ path: 'test-results/terminal.png' });
  expect(pageErrors).toEqual([]);
});

test('the editor checks manifests against the Kubernetes schema', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => ((window as unknown as Hooks).__monaco?.editor.getModels().length ?? 0) > 0);
  await page.evaluate((t) => (window as unknown as Hooks).__monaco.editor.getModels()[0].setValue(t), EDITOR_DEPLOYMENT);
  // Line 6 is `  replicas: 2`: replace the value with a word, as a learner would type it.
  await page.locator('.view-line').nth(5).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('lots');
  expect(await page.evaluate(() => (window as unknown as Hooks).__monaco.editor.getModels()[0].getLineContent(6))).toBe('  replicas: lots');
  let markers: { line: number; message: string }[] = [];
  await expect
    .poll(async () => {
      markers = await page.evaluate(() =>
        (window as unknown as Hooks).__monaco.editor
          .getModelMarkers({})
          .map((m: { startLineNumber: number; message: string }) => ({ line: m.startLineNumber, message: m.message })),
      );
      return markers.some((m) => m.line === 6 && /number/i.test(m.message));
    })
    .toBe(true);
  await expect(page.locator('.squiggly-warning, .squiggly-error').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/editor-schema.png' });

  // Hovering a field shows the API's documentation for it.
  await page.keyboard.press('Control+z');
  await page.locator('.view-line').nth(5).getByText('replicas').hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Number of desired pods' })).toBeVisible();
});
