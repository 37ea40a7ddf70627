import { expect, test, type Page } from '@playwright/test';

const HUGE = `apiVersion: v1
kind: Pod
metadata:
  name: huge
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: "100"
`;

const SMALL = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          resources:
            requests:
              cpu: 250m
              memory: 128Mi
`;

declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    __monaco?: any;
  }
}

async function apply(page: Page, text: string, expected: string): Promise<void> {
  await page.waitForFunction(() => (window.__monaco?.editor.getModels().length ?? 0) > 0);
  await page.evaluate((t) => window.__monaco!.editor.getModels()[0].setValue(t), text);
  expect(await page.evaluate(() => window.__monaco!.editor.getModels()[0].getValue())).toBe(text);
  await page.getByTestId('apply').click();
  await expect(page.getByTestId('apply-line')).toContainText([expected]);
}

test('the scheduler explains why a pod is Pending, and where the others went', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(String(err)));

  await page.goto('/');
  await expect(page.locator('[data-testid="node-card"][data-ready="true"]')).toHaveCount(3);
  await page.getByTestId('speed-10').click();

  // A pod asking for 100 CPUs: no node has that many, so it stays Pending.
  await apply(page, HUGE, 'pod/huge created');
  const pending = page.getByTestId('pending-area').locator('[data-testid="pod-chip"][data-pod="huge"]');
  await expect(pending).toBeVisible();
  await pending.click();

  const inspector = page.getByTestId('inspector');
  const failed = inspector.getByTestId('failed-scheduling');
  await expect(failed).toContainText('0/4 nodes are available:');
  await expect(failed).toContainText('Insufficient cpu');
  await expect(failed).toContainText('untolerated taint');

  // Per node: the control plane is ruled out by its taint, the workers by their CPU.
  const cpRow = inspector.locator('[data-testid="explain-row"][data-node="control-plane"]');
  await expect(cpRow).toHaveAttribute('data-verdict', 'rejected');
  await expect(cpRow).toContainText('TaintToleration');
  await expect(cpRow).toContainText('untolerated taint');
  for (const node of ['node-1', 'node-2', 'node-3']) {
    const row = inspector.locator(`[data-testid="explain-row"][data-node="${node}"]`);
    await expect(row).toContainText('NodeResourcesFit');
    await expect(row).toContainText('Insufficient cpu');
  }

  // On the map every node is greyed out, each with the plugin that rejected it.
  await expect(page.locator('[data-testid="node-card"][data-sched="rejected"]')).toHaveCount(3);
  await expect(page.locator('[data-testid="node-card"][data-node="node-1"]')).toHaveAttribute('data-sched-plugin', 'NodeResourcesFit');
  await expect(page.getByTestId('control-plane')).toHaveAttribute('data-sched-plugin', 'TaintToleration');
  await expect(page.getByTestId('sched-banner')).toContainText('huge');
  await page.screenshot({ path: 'test-results/scheduling-pending.png' });

  // A small Deployment: its pods are scheduled, and the map flashes each bind.
  await page.getByTestId('inspector').getByRole('button', { name: /close|닫기/i }).first().click();
  await apply(page, SMALL, 'deployment.apps/web created');
  await expect(page.locator('[data-testid="sched-banner"][data-mode="flash"]')).toBeVisible();
  const webPods = page.locator('[data-testid="pod-chip"][data-pod^="web-"]:not([data-node=""])');
  await expect(webPods).toHaveCount(3, { timeout: 30_000 });

  // Select one: the explanation marks its node chosen, with the scores behind the choice.
  const pod = webPods.first();
  const nodeName = (await pod.getAttribute('data-node'))!;
  await pod.click();
  const chosenRow = inspector.locator('[data-testid="explain-row"][data-verdict="chosen"]');
  await expect(chosenRow).toHaveAttribute('data-node', nodeName);
  await expect(inspector.getByTestId('explain-verdict')).toContainText(nodeName);
  await expect(inspector.getByTestId('failed-scheduling')).toHaveCount(0);
  const detail = inspector.locator(`[data-testid="explain-detail"][data-node="${nodeName}"]`);
  await expect(detail.getByTestId('score-table')).toContainText('NodeResourcesFit');
  await expect(detail.getByTestId('score-total')).not.toBeEmpty();
  await expect(inspector.locator('[data-testid="explain-row"][data-node="control-plane"]')).toContainText('untolerated taint');

  // On the map: that node is emphasised, the control plane greyed out with its plugin.
  await expect(page.locator(`[data-testid="node-card"][data-node="${nodeName}"]`)).toHaveAttribute('data-sched', 'chosen');
  await expect(page.locator(`[data-testid="node-card"][data-node="${nodeName}"]`)).toHaveClass(/sched-chosen/);
  await expect(page.getByTestId('control-plane')).toHaveAttribute('data-sched', 'rejected');
  await expect(page.locator('[data-testid="sched-banner"][data-mode="pinned"]')).toContainText(nodeName);
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/scheduling.png' });

  // Korean too.
  await page.getByTestId('language').selectOption('ko');
  await expect(inspector.getByTestId('explain-verdict')).toContainText('배치되었습니다');
  await page.screenshot({ path: 'test-results/scheduling-ko.png' });
  await page.getByTestId('language').selectOption('en');

  // Deselecting clears the highlight.
  await page.getByTestId('inspector').getByRole('button', { name: /close/i }).first().click();
  await expect(page.locator('[data-testid="node-card"][data-sched="chosen"]')).toHaveCount(0, { timeout: 5_000 });

  expect(consoleErrors).toEqual([]);
});

const FILLER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: filler
spec:
  replicas: 3
  selector:
    matchLabels:
      app: filler
  template:
    metadata:
      labels:
        app: filler
    spec:
      terminationGracePeriodSeconds: 30
      containers:
        - name: app
          image: nginx:1.27
          # Ignores SIGTERM: the victim stays Terminating for the whole grace period.
          command: ["sh", "-c", "trap '' TERM; sleep 3600"]
          resources:
            requests:
              cpu: "3"
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000
`;

const VIP = `apiVersion: v1
kind: Pod
metadata:
  name: vip
spec:
  priorityClassName: high
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: "2"
`;

test('a preemption shows the nominated node and the victims', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="node-card"][data-ready="true"]')).toHaveCount(3);
  await page.getByTestId('speed-10').click();
  await apply(page, FILLER, 'deployment.apps/filler created');
  // Running, so that the victim's shell is there to ignore SIGTERM.
  await expect(page.locator('[data-testid="pod-chip"][data-pod^="filler-"][data-status="Running"]')).toHaveCount(3, { timeout: 30_000 });

  // Every node is full of low-priority pods: the high-priority pod preempts one of them.
  await page.getByTestId('speed-1').click();
  await apply(page, VIP, 'pod/vip created');
  await page.locator('[data-testid="pod-chip"][data-pod="vip"]').click();
  const preemption = page.getByTestId('inspector').getByTestId('preemption');
  await expect(preemption).toContainText('nominated node');
  await expect(preemption.getByTestId('victims')).toContainText('default/filler-');
  await expect(page.locator('[data-testid="node-card"][data-sched="nominated"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/scheduling-preemption.png' });
});
