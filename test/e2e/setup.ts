// Mocha's global setup for the e2e suites: wait for the machine's suite lock before any hook's timeout starts
// (a wait behind another suite's run is not a hang of this one).
import { holdMachineLock } from '../runner/machineLock';

export async function mochaGlobalSetup(): Promise<void> {
  await holdMachineLock();
}
