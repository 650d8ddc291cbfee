import { defineProblem } from '@satupintu/core';
import { agencyNotAllowed } from '@satupintu/auth';

export const notPublisherOfPlugin = defineProblem(agencyNotAllowed.spec, (plugin: string, agency: string) => ({
  detail: {
    id: `Sebaran versi ${plugin} hanya untuk penerbit ${agency}, analis kementerian atau admin platform.`,
    en: `The version distribution of ${plugin} is for ${agency}'s publishers, the ministry's analysts or a platform admin only.`,
  },
}));

export const agencyNotFound = defineProblem(
  { code: 'AGENCY_NOT_FOUND', status: 404, title: { id: 'Instansi tidak menerbitkan plugin apa pun', en: 'The agency publishes no plugin' } },
  (agency: string) => ({ detail: { id: `Tidak ada plugin terbitan ${agency} di registri.`, en: `No plugin published by ${agency} in the registry.` } }),
);
