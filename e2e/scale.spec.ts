import { expect, test } from '@playwright/test';

const MANY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: many
spec:
  replicas: 2000
  selector:
    matchLabels:
      app: many
  template:
    metadata:
      labels:
        app: many
    spec:
      containers:
        - name: main
          image: nginx:1.27
          resources:
            requests:
              cpu: 10m
              memory: 16Mi
`;

declare global {
  interface Window {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    __monaco?: any;
  }
}

test('a large cluster shows summaries, and a node its pods on demand', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto('/?workers=120');

  // Above the threshold the map is the summary view: one tile per node, grouped by zone.
  await expect(page.getByTestId('summary-map')).toBeVisible();
  await expect(page.getByTestId('node-tile')).toHaveCount(121);
  await expect(page.getByTestId('zone')).toHaveCount(4);
  await expect(page.getByTestId('node-card')).toHaveCount(0);

  await page.waitForFunction(() => (window.__monaco?.editor.getModels().length ?? 0) > 0);
  await page.evaluate((t) => window.__monaco!.editor.getModels()[0].setValue(t), MANY);
  await page.getByTestId('speed-60').click();
  await page.getByTestId('apply').click();

  // All 2,000 pods run; the per-node counts add up to the total.
  const total = page.getByTestId('summary-total');
  await expect.poll(async () => Number(await page.getByTestId('summary-ok').getAttribute('data-count')), { timeout: 90_000 }).toBeGreaterThanOrEqual(2000);
  const counts = await page.evaluate(() => {
    const tiles = [...document.querySelectorAll('[data-testid="node-tile"]')].map((el) => Number(el.getAttribute('data-pods')));
    const pending = Number(document.querySelector('[data-testid="summary-pending"]')!.getAttribute('data-count'));
    const total = Number(document.querySelector('[data-testid="summary-total"]')!.getAttribute('data-pods'));
    return { sum: tiles.reduce((a, b) => a + b, 0), pending, total, busy: tiles.filter((n) => n > 0).length };
  });
  expect(counts.total).toBeGreaterThanOrEqual(2000);
  expect(counts.sum + counts.pending).toBe(counts.total);
  expect(counts.busy).toBeGreaterThan(100);
  await expect(total).toBeVisible();

  // Clicking a node asks for its pods and lists them; a pod opens in the inspector.
  const tile = page.locator('[data-testid="node-tile"][data-node="node-7"]');
  const onNode = Number(await tile.getAttribute('data-pods'));
  expect(onNode).toBeGreaterThan(0);
  await tile.click();
  const detail = page.getByTestId('node-detail');
  await expect(detail).toHaveAttribute('data-node', 'node-7');
  await expect(detail.getByTestId('pod-chip')).toHaveCount(onNode);
  await expect(detail.locator('[data-testid="pod-chip"]:not([data-node="node-7"])')).toHaveCount(0);
  await expect(page.getByTestId('inspector')).toContainText('node-7');
  await detail.getByTestId('pod-chip').first().click();
  await expect(page.getByTestId('inspector')).toContainText('many-');

  // Semantic zoom: out to dots, and back.
  await page.getByTestId('zoom-out').click();
  await page.getByTestId('zoom-out').click();
  await expect(page.getByTestId('summary-map')).toHaveAttribute('data-level', 'far');
  await page.screenshot({ path: 'test-results/scale-far.png' });
  await page.getByTestId('zoom-in').click();
  await expect(page.getByTestId('summary-map')).toHaveAttribute('data-level', 'mid');
  await page.screenshot({ path: 'test-results/scale-mid.png' });
  expect(errors).toEqual([]);
});
