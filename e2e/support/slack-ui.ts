// Browser steps through the Slack emulator's pages, as a person would click them.
import { expect, type Page } from '@playwright/test';
import { EMULATOR_URL } from './ports';

/** ACME and GLOBEX are the emulator's sandbox workspaces and some of their people. */
// adminName and memberName are the emulator's display names of admin and member, as the dashboard shows people.
export const ACME = { id: 'T0ACME0001', name: 'Acme Sandbox', owner: 'U0ACMEOWN1', admin: 'U0ACMEADM1', adminName: 'grace', member: 'U0ACMEMEM1', memberName: 'alan.t' };
export const GLOBEX = { id: 'T0GLOBEX01', name: 'Globex Sandbox', owner: 'U0GLBXOWN1', member: 'U0GLBXMEM1' };

/** approveOnSlack picks the workspace and person on the emulator's consent page and clicks Allow. */
export async function approveOnSlack(page: Page, teamId: string, userId: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${EMULATOR_URL}/`));
  await page.getByLabel('Workspace').selectOption(teamId);
  await page.locator(`select[name="user_${teamId}"]`).selectOption(userId);
  await page.getByRole('button', { name: 'Allow' }).click();
}

/** installFromLanding clicks Add to Slack on the landing page and approves, landing in the dashboard. */
export async function installFromLanding(page: Page, teamId: string, userId: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Add to Slack' }).click();
  await approveOnSlack(page, teamId, userId);
  await expect(page).toHaveURL(new RegExp(`/w/${teamId}$`));
}

/** signInWithSlack signs a person in through "Sign in with Slack". */
export async function signInWithSlack(page: Page, teamId: string, userId: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in with Slack' }).click();
  await approveOnSlack(page, teamId, userId);
  await expect(page).toHaveURL(new RegExp(`/w/${teamId}$`));
}
