import assert from 'node:assert/strict';
import { DEFAULT_HISTORY, launchWindow, lowestInRegion, noOnlineAfterLaunch, provinceOf, valueOf } from './history.js';
import type { LaunchWindowRow, PeriodFiguresRow } from './queries.js';

const row = (id: string, code: string, f: Partial<PeriodFiguresRow>): PeriodFiguresRow => ({
  id, slug: id, code, name: id, province_code: code.slice(0, 2), province_name: `P${code.slice(0, 2)}`, mpp_status: 'operating', launched_on: null,
  online: 0, assisted: 0, counter: 0, completed: 0, completed_on_time: 0, skm_responses: 0, skm_sums: null, ...f,
});
const period = { from: '2025-01-01', to: '2025-03-31' };

describe('Monev alerts over history (pure rules)', () => {
  it('takes the province from the regency code (Kemendagri)', () => {
    assert.equal(provinceOf('62.02'), '62');
    assert.equal(provinceOf('32.17'), '32');
  });

  it('values: online share counts assisted as online; SLA over completions; IKM from the nine sums; null when nothing to divide', () => {
    const r = row('a', '62.02', { online: 1, assisted: 2, counter: 5, completed: 4, completed_on_time: 3, skm_responses: 2, skm_sums: [8, 8, 8, 8, 8, 8, 8, 8, 8] });
    assert.deepEqual([valueOf(r, 'online-share'), valueOf(r, 'sla-compliance'), valueOf(r, 'ikm')], [0.375, 0.75, 100]);
    assert.deepEqual([valueOf(row('b', '62.03', {}), 'online-share'), valueOf(row('b', '62.03', {}), 'sla-compliance'), valueOf(row('b', '62.03', {}), 'ikm')], [null, null, null]);
  });

  it('lowest in region: per province, only with enough peers, not when all are equal, ties all flagged', () => {
    const rows = [
      row('kotim', '62.02', { online: 5, counter: 5 }),
      row('kapuas', '62.03', { online: 1, counter: 9 }),
      row('kobar', '62.01', { online: 1, counter: 9 }),
      row('lamandau', '62.09', { online: 3, counter: 7 }),
      row('lebong', '17.07', { online: 0, counter: 10 }), // alone in its province: never "lowest"
      row('kbb', '32.17', { completed: 10, completed_on_time: 9 }),
      row('bogor', '32.01', { completed: 10, completed_on_time: 9 }), // equal SLA: nobody is lowest
    ];
    const alerts = lowestInRegion(rows, period, DEFAULT_HISTORY);
    assert.deepEqual(alerts.map((a) => `${a.tenantId}:${a.indicator}`).sort(), ['kapuas:online-share', 'kobar:online-share']);
    assert.deepEqual([alerts[0]!.value, alerts[0]!.threshold, alerts[0]!.peers, alerts[0]!.provinceCode], [0.1, 0.3, 4, '62']);
    assert.deepEqual(alerts[0]!.detail, { provinceName: 'P62', best: 0.5, next: 0.3, median: 0.1 });
    assert.equal(lowestInRegion(rows, period, { ...DEFAULT_HISTORY, minPeers: 5 }).length, 0);
  });

  it('no online uptake after launch: whole ISO weeks from the launch week; at most maxOnline counts as none', () => {
    assert.deepEqual(launchWindow('2023-03-16', 2), { from: '2023-03-13', to: '2023-03-26' }); // KBB: Thursday 16 March 2023
    assert.deepEqual(launchWindow('2023-03-13', 1), { from: '2023-03-13', to: '2023-03-19' });
    const w = (id: string, online: number): LaunchWindowRow => ({ id, slug: id, name: id, province_code: '32', launched_on: '2023-03-16', online, weeks_published: 2 });
    assert.deepEqual(noOnlineAfterLaunch([w('kbb', 0), w('x', 1)], DEFAULT_HISTORY).map((a) => [a.tenantId, a.from, a.to, a.value]), [['kbb', '2023-03-13', '2023-03-26', 0]]);
    assert.equal(noOnlineAfterLaunch([w('x', 1)], { ...DEFAULT_HISTORY, maxOnline: 1 }).length, 1);
  });
});
