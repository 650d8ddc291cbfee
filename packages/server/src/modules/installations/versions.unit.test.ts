import assert from 'node:assert/strict';
import type { ServiceDefinition } from '@satupintu/plugin-sdk';
import { admits, bestAdmitted, newlyRequired } from './versions.js';

const PUBLISHED = ['1.0.0', '1.0.1', '1.0.2', '1.1.0', '1.2.0-rc.1', '2.0.0'];

describe('auto-upgrade policies and range pins', () => {
  it('manual never moves; patch keeps major.minor; minor keeps the major; never backwards or to a pre-release', () => {
    assert.equal(bestAdmitted('manual', '1.0.0', null, PUBLISHED), undefined);
    assert.equal(bestAdmitted('patch', '1.0.0', null, PUBLISHED), '1.0.2');
    assert.equal(bestAdmitted('minor', '1.0.0', null, PUBLISHED), '1.1.0', 'not 1.2.0-rc.1, not 2.0.0');
    assert.equal(bestAdmitted('minor', '1.1.0', null, PUBLISHED), undefined);
    assert.equal(admits('patch', '1.0.2', '1.0.1', null), false, 'never backwards');
    assert.equal(admits('minor', '1.0.0', '2.0.0', '>=1'), false, 'never across a major, whatever the range');
  });

  it('a pinned range narrows what the policy admits', () => {
    assert.equal(bestAdmitted('minor', '1.0.0', '~1.0', PUBLISHED), '1.0.2');
    assert.equal(bestAdmitted('patch', '1.0.0', '1.0.0 - 1.0.1', PUBLISHED), '1.0.1');
    assert.equal(bestAdmitted('minor', '1.0.0', '^1', PUBLISHED), '1.1.0');
  });
});

describe('what an upgrade newly requires', () => {
  const service = (docs: { code: string; minCount: number; requiredWhen?: object }[], required: string[]): ServiceDefinition =>
    ({
      code: 's',
      documents: docs.map((d) => ({ ...d, name: { id: `Dok ${d.code}`, en: `Doc ${d.code}` }, accept: ['application/pdf'], maxSizeMb: 1, maxCount: 1 })),
      form: { schema: { type: 'object', required }, ui: { order: required, labels: { alamat: { id: 'Alamat', en: 'Address' } } } },
    }) as unknown as ServiceDefinition;

  it('lists documents and fields required now and not before; optional and conditional documents are not', () => {
    const before = service([{ code: 'ktp', minCount: 1 }, { code: 'foto', minCount: 0 }], ['nik']);
    const after = service([{ code: 'ktp', minCount: 1 }, { code: 'foto', minCount: 1 }, { code: 'kuasa', minCount: 1, requiredWhen: { properties: {} } }, { code: 'lain', minCount: 0 }], ['nik', 'alamat', 'rt']);
    assert.deepEqual(newlyRequired(before, after), {
      documents: [{ code: 'foto', name: { id: 'Dok foto', en: 'Doc foto' } }],
      fields: [
        { code: '/alamat', name: { id: 'Alamat', en: 'Address' } },
        { code: '/rt', name: { id: 'rt', en: 'rt' } },
      ],
    });
    assert.deepEqual(newlyRequired(after, before), { documents: [], fields: [] }, 'nothing new when requirements are dropped');
    assert.equal(newlyRequired(undefined, after).documents.length, 2, 'a new service: everything it requires');
  });
});
