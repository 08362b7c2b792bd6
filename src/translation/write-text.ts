/**
 * Writing translated titles and clause texts into a language file
 * (`<document>/<version>/<language>.yaml`), in place: the `yaml` package's
 * Document API changes only the values named, so comments, key order,
 * quoting and everything else of the file stay as they were. A clause or
 * section the file lacks is added where the source text has it (after the
 * ones before it), with the source's `id`, `flag` and `sdks` and its keys in
 * the source's order. A file that does not exist yet is started the same way.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { PolicyTextInput } from '../schema/policy-text.ts';

export interface TextEdits {
  title?: string | undefined;
  /** Section id → translated title. */
  sections: Map<string, string>;
  /** Clause id → translated title and text. */
  clauses: Map<string, { title?: string; text?: string }>;
}

/**
 * The language file's new text. `existing` is its current text (`undefined`
 * when there is no file yet); `source` the source-language file as parsed,
 * for where things go and for the keys that are not translated.
 */
export function applyEdits(existing: string | undefined, source: { data: PolicyTextInput; document: Document }, edits: TextEdits): string {
  const doc = existing === undefined ? new Document({}) : parseDocument(existing);
  if (edits.title !== undefined) setText(doc, doc.contents as YAMLMap, 'title', edits.title, false);
  const found: unknown = (doc.contents as YAMLMap).get('sections', true);
  let targetSections: YAMLSeq;
  if (isSeq(found)) targetSections = found;
  else {
    targetSections = doc.createNode([]) as YAMLSeq;
    (doc.contents as YAMLMap).set('sections', targetSections);
  }
  const sourceOrder = source.data.sections.map((section) => section.id);

  for (const [sectionIndex, section] of source.data.sections.entries()) {
    const clauseEdits = section.clauses.filter((clause) => edits.clauses.has(clause.id));
    const titleEdit = edits.sections.get(section.id);
    if (!clauseEdits.length && titleEdit === undefined) continue;
    let node = findById(targetSections, section.id);
    if (!node) {
      node = doc.createNode({ id: section.id }) as YAMLMap;
      node.set('clauses', doc.createNode([]));
      insertAfterPreceding(targetSections, node, sourceOrder.slice(0, sectionIndex));
    }
    if (titleEdit !== undefined) {
      if (!node.has('title')) moveTitleAfterId(doc, node, titleEdit);
      else setText(doc, node, 'title', titleEdit, false);
    }
    const clauseOrder = section.clauses.map((clause) => clause.id);
    for (const clause of clauseEdits) {
      const edit = edits.clauses.get(clause.id)!;
      const found = findClause(targetSections, clause.id);
      if (found) {
        if (edit.title !== undefined) setText(doc, found, 'title', edit.title, false);
        if (edit.text !== undefined) setText(doc, found, 'text', edit.text, true);
        continue;
      }
      const existingClauses: unknown = node.get('clauses', true);
      let clauses: YAMLSeq;
      if (isSeq(existingClauses)) clauses = existingClauses;
      else {
        clauses = doc.createNode([]) as YAMLSeq;
        node.set('clauses', clauses);
      }
      insertAfterPreceding(clauses, newClause(doc, source.document, sectionIndex, section.clauses.indexOf(clause), edit), clauseOrder.slice(0, clauseOrder.indexOf(clause.id)));
    }
  }
  if (existing === undefined) (doc.contents as YAMLMap).commentBefore = firstComment(source.document);
  return doc.toString({ lineWidth: 0 });
}

/** The comment a file starts with (the `yaml-language-server: $schema=…` line): the document's, its map's or its first key's. */
function firstComment(document: Document): string | null {
  const map = document.contents;
  const firstKey = isMap(map) ? map.items[0]?.key : undefined;
  return document.commentBefore ?? (isMap(map) ? map.commentBefore : undefined) ?? (isScalar(firstKey) ? firstKey.commentBefore : undefined) ?? null;
}

/** A new clause: the source clause's keys in its order, translated where translated, copied otherwise (`id`, `flag`, `sdks`). */
function newClause(doc: Document, sourceDoc: Document, sectionIndex: number, clauseIndex: number, edit: { title?: string; text?: string }): YAMLMap {
  const sourceClause = sourceDoc.getIn(['sections', sectionIndex, 'clauses', clauseIndex], true) as YAMLMap;
  const clause = doc.createNode({}) as YAMLMap;
  for (const pair of sourceClause.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key === 'title' || key === 'text') {
      const value = edit[key];
      if (value !== undefined) setText(doc, clause, key, value, key === 'text');
    } else {
      clause.set(key, doc.createNode(isScalar(pair.value) || isMap(pair.value) || isSeq(pair.value) ? pair.value.toJSON() : pair.value));
    }
  }
  return clause;
}

/** A section that had no title gets one right after its `id`, as source files write it. */
function moveTitleAfterId(doc: Document, section: YAMLMap, title: string): void {
  setText(doc, section, 'title', title, false);
  const index = section.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'title');
  const [pair] = section.items.splice(index, 1);
  const idIndex = section.items.findIndex((item) => isScalar(item.key) && item.key.value === 'id');
  section.items.splice(idIndex + 1, 0, pair!);
}

/** Sets a text value, keeping the node (and the comments on it) when there is one; clause text as a `|` block. */
function setText(doc: Document, map: YAMLMap, key: string, value: string, block: boolean): void {
  const node = map.get(key, true);
  if (isScalar(node)) {
    node.value = value;
    if (block && value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    else if (!block && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) node.type = Scalar.PLAIN;
    return;
  }
  const scalar = doc.createNode(value) as Scalar;
  if (block && value.includes('\n')) scalar.type = Scalar.BLOCK_LITERAL;
  map.set(key, scalar);
}

function idOf(node: unknown): unknown {
  return isMap(node) ? node.get('id') : undefined;
}

function findById(seq: YAMLSeq, id: string): YAMLMap | undefined {
  return seq.items.find((item): item is YAMLMap => isMap(item) && idOf(item) === id);
}

function findClause(sections: YAMLSeq, id: string): YAMLMap | undefined {
  for (const section of sections.items) {
    const clauses = isMap(section) ? section.get('clauses', true) : undefined;
    const found = isSeq(clauses) ? findById(clauses, id) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Inserts `node` after the last item whose id is one of `preceding` (the source's earlier ids), or first. */
function insertAfterPreceding(seq: YAMLSeq, node: YAMLMap, preceding: readonly string[]): void {
  const before = new Set(preceding);
  let index = 0;
  seq.items.forEach((item, position) => {
    if (before.has(String(idOf(item)))) index = position + 1;
  });
  seq.items.splice(index, 0, node);
}
