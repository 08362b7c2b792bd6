/**
 * Google Play's Data safety form as Play Console imports it: the CSV
 * template Play Console exports (src/declarations/vocabularies/play.json),
 * one row per possible response, with `Response value` filled in where the
 * declarations answer it and left empty elsewhere. Written with
 * csv-stringify.
 *
 * Values: `true` on a chosen response (and `false` on the two top-level
 * yes/no questions answered no), as Play Console's own export and the
 * Android Publisher API take them. A question the content has not answered
 * (account creation, the deletion link, encryption in transit) is left
 * empty, and the command asks for it by name.
 */
import { stringify } from 'csv-stringify/sync';
import type { AppAnswers } from '../../schema/declarations.ts';
import type { PlayType } from '../stores.ts';
import { playHeader, playTemplate } from '../vocabulary.ts';

const accountMethods: Record<string, string> = {
  'username-password': 'PSL_ACM_USER_ID_PASSWORD',
  'username-other-auth': 'PSL_ACM_USER_ID_OTHER_AUTH',
  'username-password-other-auth': 'PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH',
  oauth: 'PSL_ACM_OAUTH',
  other: 'PSL_ACM_OTHER',
  none: 'PSL_ACM_NONE',
};

/** Rows of the form, as `[question, response, value, requirement, label]`. */
export function playRows(types: readonly PlayType[], app: AppAnswers): string[][] {
  const byType = new Map(types.map((type) => [type.type, type]));
  const chosenMethods = new Set((app.accountCreation ?? []).map((method) => accountMethods[method]));
  const flag = (on: boolean) => (on ? 'true' : '');
  const yesNo = (value: boolean | undefined) => (value === undefined ? '' : String(value));
  return playTemplate().map((row) => {
    const value = (() => {
      const q = row.question;
      if (q === 'PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA') return String(types.length > 0);
      if (q === 'PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT') return types.length > 0 ? yesNo(app.encryptedInTransit) : '';
      if (q === 'PSL_SUPPORTED_ACCOUNT_CREATION_METHODS') return flag(chosenMethods.has(row.response));
      if (q === 'PSL_ACM_SPECIFY') return app.accountCreation?.includes('other') ? (app.accountCreationOther ?? '') : '';
      if (q === 'PSL_ACCOUNT_DELETION_URL') return app.accountDeletionUrl ?? '';
      if (q === 'PSL_SUPPORT_DATA_DELETION_BY_USER') return flag(row.response === 'DATA_DELETION_YES' && app.dataDeletionUrl !== undefined);
      if (q === 'PSL_DATA_DELETION_URL') return app.dataDeletionUrl ?? '';
      if (q.startsWith('PSL_DATA_TYPES_')) return flag(byType.has(row.response));
      const usage = /^PSL_DATA_USAGE_RESPONSES:([A-Z_]+):([A-Z_]+)$/.exec(q);
      if (!usage) return '';
      const type = byType.get(usage[1]!);
      if (!type) return '';
      switch (usage[2]) {
        case 'PSL_DATA_USAGE_COLLECTION_AND_SHARING':
          return flag(row.response === 'PSL_DATA_USAGE_ONLY_COLLECTED' || (row.response === 'PSL_DATA_USAGE_ONLY_SHARED' && type.shared));
        case 'PSL_DATA_USAGE_EPHEMERAL':
          return String(type.ephemeral);
        case 'DATA_USAGE_USER_CONTROL':
          return flag(row.response === (type.required ? 'PSL_DATA_USAGE_USER_CONTROL_REQUIRED' : 'PSL_DATA_USAGE_USER_CONTROL_OPTIONAL'));
        case 'DATA_USAGE_COLLECTION_PURPOSE':
          return flag(type.collectionPurposes.includes(row.response));
        case 'DATA_USAGE_SHARING_PURPOSE':
          return flag(type.sharingPurposes.includes(row.response));
        default:
          return '';
      }
    })();
    return [row.question, row.response, value, row.requirement, row.label];
  });
}

export function playDataSafetyCsv(types: readonly PlayType[], app: AppAnswers): string {
  return stringify([[...playHeader], ...playRows(types, app)], { record_delimiter: '\n' });
}
