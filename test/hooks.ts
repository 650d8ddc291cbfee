import { startSharedPlatform, stopSharedPlatform } from '@satupintu/testkit';

/** Mocha root hooks: one platform on the embedded stack (or configured servers) for the run. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180_000);
    await startSharedPlatform();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await stopSharedPlatform();
  },
};
