/** Switching the extension's app profile to Facebook Login, on the options page as a user would. */
import { expect } from 'vitest';
import type { LoadedExtension } from './launch-extension';
import type { TestStack } from './stack';

/** The permissions a new Facebook Login profile starts with (least privilege). */
export const FACEBOOK_DEFAULT_PERMISSIONS = ['instagram_basic', 'pages_show_list'] as const;

/**
 * Picks Login → Facebook Login, checks that the least-privilege permissions are ticked, fills in
 * the sandbox's Facebook app (App ID, dialog host, Graph host and version) and saves. The proxy URL
 * stays: the test stack's proxy serves both logins.
 */
export async function configureFacebookThroughOptions(
  extension: LoadedExtension,
  stack: Pick<TestStack, 'facebook'>,
): Promise<void> {
  const page = await extension.context.newPage();
  await page.goto(extension.optionsUrl);
  // The select's accessible name is its label and its chosen option: "Login Instagram Login".
  await page.getByRole('combobox', { name: /^Login\b/ }).selectOption('facebook');
  await page.getByRole('group', { name: 'Permissions' }).waitFor();
  for (const permission of FACEBOOK_DEFAULT_PERMISSIONS) {
    const box = page.getByRole('checkbox', { name: new RegExp(`^${permission} `) });
    expect(await box.isChecked(), `${permission} is ticked`).toBe(true);
  }
  await page.getByLabel('Client ID').fill(stack.facebook.appId);
  await page.getByLabel('Dialog URL').fill(stack.facebook.dialogBase);
  await page.getByLabel('Graph API URL').fill(stack.facebook.graphBase);
  await page.getByLabel('Graph API version').fill(stack.facebook.graphVersion);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved.').waitFor();
  await page.close();
}
