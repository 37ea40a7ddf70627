import { expect, test, type Page } from '@playwright/test';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replicas: 6
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
`;

// Line 5 repeats a key: the YAML is invalid there, and nothing may be created.
const BROKEN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: broken
  name: again
spec:
  replicas: 2
`;

declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    __monaco?: any;
  }
}

async function setEditorText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(() => (window.__monaco?.editor.getModels().length ?? 0) > 0);
  await page.evaluate((t) => window.__monaco!.editor.getModels()[0].setValue(t), text);
  expect(await page.evaluate(() => window.__monaco!.editor.getModels()[0].getValue())).toBe(text);
}

const runningOutside = (page: Page, node: string) =>
  page.locator(`[data-testid="pod-chip"][data-status="Running"]:not([data-node="${node}"])`);

test('apply a Deployment, kill a node, watch the cluster heal', async ({ page }) => {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && url.hostname !== '127.0.0.1') foreignRequests.push(req.url());
  });

  await page.goto('/');

  // Three worker nodes register and become Ready.
  const nodes = page.getByTestId('node-card');
  await expect(nodes).toHaveCount(3);
  await expect(page.locator('[data-testid="node-card"][data-ready="true"]')).toHaveCount(3);
  await expect(page.getByTestId('control-plane')).toBeVisible();

  // Broken YAML: an error at its line, a marker in the editor, nothing created.
  await setEditorText(page, BROKEN);
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('apply-error').first()).toBeVisible();
  await expect(page.getByTestId('apply-error').first()).toHaveCSS('color', 'rgb(255, 143, 143)');
  const markers = await page.evaluate(() =>
    window.__monaco!.editor.getModelMarkers({}).map((m: { startLineNumber: number; message: string }) => ({ line: m.startLineNumber, message: m.message })),
  );
  expect(markers.length).toBeGreaterThan(0);
  expect(markers[0].line).toBe(5);
  await expect(page.locator('.squiggly-error').first()).toBeAttached();
  await expect(page.getByTestId('apply-output')).not.toContainText('created');
  await expect(page.getByTestId('pod-chip')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/bad-yaml.png' });

  // A good Deployment.
  await setEditorText(page, DEPLOYMENT);
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('apply-line')).toContainText(['deployment.apps/hello created']);

  // 60x: six Running pods, spread over the nodes.
  await page.getByTestId('speed-60').click();
  await expect(page.getByTestId('speed-60')).toHaveAttribute('aria-pressed', 'true');
  const running = page.locator('[data-testid="pod-chip"][data-status="Running"]');
  await expect(running).toHaveCount(6, { timeout: 60_000 });
  const placement = await running.evaluateAll((els) => els.map((e) => e.getAttribute('data-node') ?? ''));
  const perNode = new Map<string, number>();
  for (const n of placement) perNode.set(n, (perNode.get(n) ?? 0) + 1);
  expect(perNode.size).toBeGreaterThanOrEqual(2);
  expect(perNode.has('')).toBe(false);
  await page.screenshot({ path: 'test-results/running.png' });

  // Kill the node with the most pods.
  const victim = [...perNode.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const lost = perNode.get(victim)!;
  await page.getByTestId(`kill-node-${victim}`).click();
  await expect(page.getByTestId(`restore-node-${victim}`)).toBeVisible();

  // The node controller notices (node-monitor-grace-period), then evicts after the unreachable toleration.
  const victimCard = page.locator(`[data-testid="node-card"][data-node="${victim}"]`);
  await expect(victimCard).toHaveAttribute('data-ready', 'false', { timeout: 60_000 });
  await expect(victimCard.getByTestId('node-status')).toHaveText('NotReady');

  // Six Running pods again, all on the other nodes; the old ones stay Terminating on the dead node.
  const deadline = Date.now() + 120_000;
  while ((await runningOutside(page, victim).count()) < 6 && Date.now() < deadline) {
    await page.getByTestId('skip').click();
    await page.waitForTimeout(250);
  }
  await expect(runningOutside(page, victim)).toHaveCount(6, { timeout: 30_000 });
  await expect(victimCard.locator('[data-testid="pod-chip"][data-status="Terminating"]')).toHaveCount(lost);
  await expect(page.getByTestId('deployment-ready-hello')).toHaveText('6/6');

  // Look at a replacement pod in the inspector.
  await runningOutside(page, victim).first().click();
  await expect(page.getByTestId('inspector-summary')).toContainText('Running');
  await page.screenshot({ path: 'test-results/healed.png' });

  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
});

test('speaks Korean when asked', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('node-card')).toHaveCount(3);
  await page.getByTestId('language').selectOption('ko');
  await expect(page.getByTestId('apply')).toHaveText('적용');
  await expect(page.getByTestId('kill-node-node-1')).toContainText('노드 죽이기');
  await page.getByTestId('node-card').first().locator('.node-head').click();
  await expect(page.getByTestId('inspector-summary')).toContainText('Ready');
  await page.screenshot({ path: 'test-results/korean.png' });
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('apply')).toHaveText('Apply');
});
