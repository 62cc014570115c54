// Steps through Klaxon's dashboard sections, shared by the e2e/ui/dashboard-*.spec.ts stories.
import { expect, test, type APIRequestContext, type APIResponse, type Locator, type Page } from '@playwright/test';

/** VIEWPORTS are the widths every dashboard page is photographed at. */
export const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/**
 * screenshotPage saves full-page screenshots of the current page at desktop and phone widths into the test output,
 * and asserts that the page fits each width: a wide table or code block scrolls inside its own box, never the page.
 */
export async function screenshotPage(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: test.info().outputPath(`${name}-${label}.png`), fullPage: true });
    const overflow = await page.evaluate((width) => {
      const wider = [...document.body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > width + 0.5);
      // The outermost elements that stick out say where to look; their descendants only repeat them.
      const outermost = wider.filter((element) => !wider.includes(element.parentElement!));
      return { scrollWidth: document.documentElement.scrollWidth, culprits: outermost.slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${element.className}`) };
    }, size.width);
    expect(overflow.scrollWidth, `${name} is wider than the ${label} viewport (${size.width} px), scrolls sideways; wider than it: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(size.width);
  }
  if (original) await page.setViewportSize(original);
}

/** expectLinedUp asserts that controls side by side in a row have one height and one top edge (to half a pixel). */
export async function expectLinedUp(...controls: Locator[]): Promise<void> {
  const boxes = await Promise.all(controls.map(async (control) => ({ control: control.toString(), box: (await control.boundingBox())! })));
  const [first, ...rest] = boxes;
  for (const { control, box } of rest) {
    expect(Math.abs(box.y - first!.box.y), `${control} starts ${box.y - first!.box.y} px below ${first!.control}`).toBeLessThan(0.5);
    expect(Math.abs(box.height - first!.box.height), `${control} is ${box.height} px tall, ${first!.control} ${first!.box.height} px`).toBeLessThan(0.5);
  }
}

/** createApiKey creates a key on the API keys page and returns the secret shown once. */
export async function createApiKey(page: Page, teamId: string, name: string): Promise<string> {
  await page.goto(`/w/${teamId}/api-keys`);
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = page.getByTestId('new-api-key');
  await expect(secret).toHaveText(/^klx_live_\w+$/);
  return (await secret.textContent())!.trim();
}

/** sendAlert posts an alert with an API key, as a service would. */
export function sendAlert(request: APIRequestContext, key: string, body: Record<string, unknown>): Promise<APIResponse> {
  return request.post('/api/v1/alerts', { headers: { Authorization: `Bearer ${key}` }, data: body });
}

/** markPage leaves a marker in the page's window: if it is still there later, the page was not reloaded. */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { klaxonMarker?: number }).klaxonMarker = 42;
  });
}

/** expectNotReloaded asserts the marker left by markPage survived. */
export async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { klaxonMarker?: number }).klaxonMarker)).toBe(42);
}

/** uniqueName makes names that don't clash between tests sharing one database. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
