import assert from 'node:assert/strict';
import { latestOf, periodOf } from './service.js';

describe('distribution helpers', () => {
  it('measures "behind" against the highest version that is not a pre-release', () => {
    assert.equal(latestOf(['1.0.0', '1.10.0', '1.9.0', '2.0.0-rc.1']), '1.10.0');
    assert.equal(latestOf(['0.1.0-alpha']), '0.1.0-alpha', 'only pre-releases: the highest of them');
  });

  it('reads a quarter or a month as local dates, the current quarter by default', () => {
    assert.deepEqual(periodOf('2026-Q4', '2026-12-07'), { from: '2026-10-01', to: '2026-12-31' });
    assert.deepEqual(periodOf('2024-02', '2026-12-07'), { from: '2024-02-01', to: '2024-02-29' });
    assert.deepEqual(periodOf(undefined, '2026-05-15'), { from: '2026-04-01', to: '2026-06-30' });
  });
});
