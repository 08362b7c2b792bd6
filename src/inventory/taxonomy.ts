/**
 * The inventory's shipped taxonomy, read from taxonomy.json (data, not code):
 * data categories (`<group>.<item>`), purpose categories and the classes of
 * sensitive personal information. Schemas take their allowed values from
 * here; the store declarations map these ids (docs/inventory.md).
 */
import taxonomy from './taxonomy.json' with { type: 'json' };

export type CategoryId = keyof typeof taxonomy.categories;
export type PurposeCategoryId = keyof typeof taxonomy.purposeCategories;
export type SensitiveClass = keyof typeof taxonomy.sensitiveClasses;

export const categoryIds = Object.keys(taxonomy.categories) as [CategoryId, ...CategoryId[]];
export const purposeCategoryIds = Object.keys(taxonomy.purposeCategories) as [PurposeCategoryId, ...PurposeCategoryId[]];
export const sensitiveClasses = Object.keys(taxonomy.sensitiveClasses) as [SensitiveClass, ...SensitiveClass[]];

/** The groups categories belong to (the part before the dot), in taxonomy order. */
export const categoryGroups = [...new Set(categoryIds.map((id) => groupOf(id)))] as CategoryGroup[];
export type CategoryGroup = CategoryId extends `${infer Group}.${string}` ? Group : never;

export function groupOf(category: CategoryId): CategoryGroup {
  return category.slice(0, category.indexOf('.')) as CategoryGroup;
}

export function describeCategory(category: CategoryId): string {
  return taxonomy.categories[category];
}

export function describePurposeCategory(category: PurposeCategoryId): string {
  return taxonomy.purposeCategories[category];
}

export function describeSensitiveClass(kind: SensitiveClass): string {
  return taxonomy.sensitiveClasses[kind];
}

/** How personal information reaches the app (the collection list's 收集方式). */
export const collectionMethods = ['user-provided', 'automatic', 'sdk', 'third-party'] as const;
export type CollectionMethod = (typeof collectionMethods)[number];

/** Legal bases of PIPL Art. 13 (1)–(7). */
export const legalBases = ['consent', 'contract', 'legal-obligation', 'emergency', 'public-interest', 'public-information', 'other-law'] as const;
export type LegalBasis = (typeof legalBases)[number];

/** A recipient acts for the app (entrusted processing, PIPL Art. 21) or on its own account (PIPL Art. 23). */
export const recipientRoles = ['processor', 'third-party'] as const;
export type RecipientRole = (typeof recipientRoles)[number];

export const necessities = ['required', 'optional'] as const;
export type Necessity = (typeof necessities)[number];

/** Basic business functions and extended ones (GB/T 35273-2020 5.3; GB/T 41391-2022). */
export const functionKinds = ['basic', 'extended'] as const;
export type FunctionKind = (typeof functionKinds)[number];

/** What happens to personal information when its retention period ends (CAC 2026 draft, item (四)). */
export const expiryActions = ['delete', 'anonymize'] as const;
export type ExpiryAction = (typeof expiryActions)[number];

/** The three lists generated from an inventory, and their URL segment. */
export const listKinds = ['collection', 'sharing', 'permissions'] as const;
export type ListKind = (typeof listKinds)[number];
