/**
 * The mapping from the inventory's taxonomy to each store's vocabulary and
 * to DPV: the shipped table (mapping.json, checked by its schema when this
 * module loads) with content/declarations.yaml's changes laid over it.
 */
import type { CategoryId, LegalBasis, PurposeCategoryId } from '../inventory/taxonomy.ts';
import { mappingSchema, type CategoryMapping, type DeclarationsInput, type ItemDeclaration, type PurposeMapping } from '../schema/declarations.ts';
import shipped from './mapping.json' with { type: 'json' };

export const shippedMapping = mappingSchema.parse(shipped);

/** Where a mapping value comes from, for messages: the table a person extends to fix it. */
export type MappingSource = 'item' | 'content' | 'shipped';

export interface ResolvedMapping {
  category: (category: CategoryId, item: string) => { value: CategoryMapping; source: Record<keyof CategoryMapping, MappingSource> };
  purpose: (category: PurposeCategoryId) => PurposeMapping;
  legalBasis: (basis: LegalBasis) => string;
  item: (item: string) => ItemDeclaration | undefined;
}

export function resolveMapping(settings: DeclarationsInput | undefined): ResolvedMapping {
  return {
    category(category, item) {
      const base = shippedMapping.categories[category]!;
      const content = settings?.categories?.[category] ?? {};
      const own = settings?.items?.[item] ?? {};
      const keys = ['apple', 'play', 'harmony', 'dpv', 'note'] as const;
      const value = { ...base } as CategoryMapping;
      const source = {} as Record<keyof CategoryMapping, MappingSource>;
      for (const key of keys) {
        const fromItem = key === 'note' ? undefined : own[key];
        const fromContent = content[key];
        if (fromItem !== undefined) {
          (value as Record<string, unknown>)[key] = fromItem;
          source[key] = 'item';
        } else if (fromContent !== undefined) {
          (value as Record<string, unknown>)[key] = fromContent;
          source[key] = 'content';
        } else source[key] = 'shipped';
      }
      return { value, source };
    },
    purpose: (category) => {
      const value = { ...shippedMapping.purposes[category]! };
      for (const [key, given] of Object.entries(settings?.purposes?.[category] ?? {})) if (given !== undefined) (value as Record<string, unknown>)[key] = given;
      return value;
    },
    legalBasis: (basis) => shippedMapping.legalBases[basis]!,
    item: (item) => settings?.items?.[item],
  };
}
