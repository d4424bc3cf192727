/**
 * Playwright globalSetup: this run's folder for prepared data folders (tests/fixtures/preparedFolder.ts:
 * the demo county is built there by the first spec that needs it and copied by the others), and
 * the teardown that removes it when the run ends.
 */
import { prepareRunRoot } from '../fixtures/preparedFolder';

export default function globalSetup(): () => void {
  return prepareRunRoot();
}
