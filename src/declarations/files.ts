/**
 * The files of one version's declarations, by name, as `npm run
 * declarations` writes them into `<out>/<document>/<version>/`. pac.json5 is
 * left out when the app is not published on AppGallery, or has nothing to
 * declare there (Huawei refuses an empty manifest).
 */
import type { AppAnswers } from '../schema/declarations.ts';
import type { VersionDeclarations } from './site.ts';
import { appPrivacyDetailsJson, privacyManifest } from './write/apple.ts';
import { pacJson5 } from './write/harmony.ts';
import { playDataSafetyCsv } from './write/play.ts';

export const declarationFileNames = {
  appleDetails: 'app_privacy_details.json',
  appleManifest: 'PrivacyInfo.xcprivacy',
  play: 'play-data-safety.csv',
  harmony: 'pac.json5',
  notice: 'notice.jsonld',
} as const;

export type DeclarationFiles = Partial<Record<(typeof declarationFileNames)[keyof typeof declarationFileNames], string>>;

export function declarationFiles(declared: VersionDeclarations, app: AppAnswers): DeclarationFiles {
  const files: DeclarationFiles = {};
  if (app.stores.includes('apple')) {
    files[declarationFileNames.appleDetails] = appPrivacyDetailsJson(declared.views.apple);
    files[declarationFileNames.appleManifest] = privacyManifest(declared.views.apple, app);
  }
  if (app.stores.includes('play')) files[declarationFileNames.play] = playDataSafetyCsv(declared.views.play, app);
  if (app.stores.includes('harmony')) {
    const pac = pacJson5(declared.views.harmony, app);
    if (pac !== undefined) files[declarationFileNames.harmony] = pac;
  }
  files[declarationFileNames.notice] = `${JSON.stringify(declared.notices[declared.locale], null, 2)}\n`;
  return files;
}
