/**
 * The notice as W3C DPV JSON-LD (DPV 2.2): the controller, and per
 * processing row of the inventory its personal data categories, purposes,
 * legal bases, recipients (processors and third parties) and how long each
 * item is kept. w3c/dpv publishes no JSON-LD context, so the context is
 * inline (never fetched): a processor reads the file offline.
 */
import type { InventoryModel } from '../../model/types.ts';
import type { Declarations } from '../derive.ts';
import type { ResolvedMapping } from '../mapping.ts';
import { dpvNamespaces } from '../vocabulary.ts';

export const noticeContext = {
  '@version': 1.1,
  dpv: dpvNamespaces.dpv,
  pd: dpvNamespaces.pd,
  dct: 'http://purl.org/dc/terms/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  title: { '@id': 'dct:title', '@container': '@language' },
  description: { '@id': 'dct:description', '@container': '@language' },
  name: { '@id': 'dpv:hasName' },
  hasDataController: { '@id': 'dpv:hasDataController', '@type': '@id' },
  hasProcess: { '@id': 'dpv:hasProcess', '@container': '@set' },
  hasPersonalData: { '@id': 'dpv:hasPersonalData', '@type': '@vocab', '@container': '@set' },
  hasPurpose: { '@id': 'dpv:hasPurpose', '@type': '@vocab', '@container': '@set' },
  hasLegalBasis: { '@id': 'dpv:hasLegalBasis', '@type': '@vocab', '@container': '@set' },
  hasProcessing: { '@id': 'dpv:hasProcessing', '@type': '@vocab', '@container': '@set' },
  hasDataProcessor: { '@id': 'dpv:hasDataProcessor', '@type': '@id', '@container': '@set' },
  hasThirdParty: { '@id': 'dpv:hasThirdParty', '@type': '@id', '@container': '@set' },
  hasRecipient: { '@id': 'dpv:hasRecipient', '@type': '@id', '@container': '@set' },
  hasStorageCondition: { '@id': 'dpv:hasStorageCondition', '@container': '@set' },
  hasDuration: { '@id': 'dpv:hasDuration', '@type': 'xsd:duration' },
  hasLocation: { '@id': 'dpv:hasLocation', '@container': '@set' },
} as const;

export interface NoticeInputs {
  inventory: InventoryModel;
  declarations: Declarations;
  mapping: ResolvedMapping;
  /** The version's page in this language, absolute: the notice's id. */
  url: string;
  /** The site's home, absolute: the controller's id. */
  home: string;
  title: string;
  controller: string;
}

export function noticeJsonLd({ inventory, declarations, mapping, url, home, title, controller }: NoticeInputs): Record<string, unknown> {
  const locale = inventory.locale;
  const text = (value: string) => ({ [locale]: value });
  const declared = new Map(declarations.items.map((item) => [item.id, item]));
  const items = new Map(inventory.items.map((item) => [item.id, item]));
  const purposes = new Map(inventory.purposes.map((purpose) => [purpose.id, purpose]));
  const functions = new Map(inventory.functions.map((entry) => [entry.id, entry]));
  const recipients = new Map(inventory.recipients.map((recipient) => [recipient.id, recipient]));
  const recipientId = (id: string) => `${url}#recipient-${id}`;
  const processes = inventory.processing
    .filter((row) => row.data.some((id) => declared.has(id)))
    .map((row) => {
      const data = row.data.filter((id) => declared.has(id));
      const rowRecipients = row.recipients.map((id) => recipients.get(id)).filter((recipient) => recipient !== undefined);
      const processors = rowRecipients.filter((recipient) => recipient.role === 'processor').map((recipient) => recipientId(recipient.id));
      const thirdParties = rowRecipients.filter((recipient) => recipient.role === 'third-party').map((recipient) => recipientId(recipient.id));
      const purposeTerms = [...new Set(row.purposes.map((id) => purposes.get(id)).filter((purpose) => purpose !== undefined).map((purpose) => mapping.purpose(purpose.category).dpv ?? 'dpv:Purpose'))];
      return {
        '@id': `${url}#process-${row.id}`,
        '@type': 'dpv:Process',
        title: text(functions.get(row.function)?.name ?? row.function),
        description: text(row.scenario),
        hasPersonalData: [...new Set(data.flatMap((id) => declared.get(id)!.dpv))],
        hasProcessing: rowRecipients.length > 0 ? ['dpv:Collect', 'dpv:Use', 'dpv:Share'] : ['dpv:Collect', 'dpv:Use'],
        hasPurpose: purposeTerms,
        hasLegalBasis: [mapping.legalBasis(row.legalBasis)],
        ...(processors.length > 0 ? { hasDataProcessor: processors } : {}),
        ...(thirdParties.length > 0 ? { hasThirdParty: thirdParties } : {}),
        ...(rowRecipients.length > 0 ? { hasRecipient: rowRecipients.map((recipient) => recipientId(recipient.id)) } : {}),
        hasStorageCondition: data.flatMap((id) => {
          const retention = items.get(id)?.retention;
          if (!retention) return [];
          return [{
            '@type': 'dpv:StorageDuration',
            hasPersonalData: declared.get(id)!.dpv,
            description: text(`${items.get(id)!.name}: ${retention.rule ?? retention.period ?? ''}`),
            ...(retention.period ? { hasDuration: retention.period } : {}),
          }];
        }),
      };
    });
  const used = new Set(inventory.processing.flatMap((row) => row.recipients));
  return {
    '@context': noticeContext,
    '@id': `${url}#notice`,
    '@type': 'dpv:PrivacyNotice',
    title: text(title),
    hasDataController: `${home}#controller`,
    hasProcess: processes,
    '@included': [
      { '@id': `${home}#controller`, '@type': 'dpv:DataController', name: controller },
      ...inventory.recipients
        .filter((recipient) => used.has(recipient.id))
        .map((recipient) => ({
          '@id': recipientId(recipient.id),
          '@type': recipient.role === 'processor' ? 'dpv:DataProcessor' : 'dpv:ThirdParty',
          name: recipient.operator ? `${recipient.name} (${recipient.operator})` : recipient.name,
          hasLocation: recipient.location,
        })),
    ],
  };
}

export function noticeJsonLdText(inputs: NoticeInputs): string {
  return `${JSON.stringify(noticeJsonLd(inputs), null, 2)}\n`;
}
