/**
 * The limits checked before clause Markdown is parsed (nesting of lists and
 * quotes, emphasis and bracket markers per paragraph) and the tree depth
 * checked after: legitimate text passes, text one step past a limit is
 * reported at the right line and column, and pathological text is
 * reported at once instead of stalling or overflowing the stack.
 */
import { describe, expect, it } from 'vitest';
import { limitProblem, maxInlineMarkers, maxNesting, maxTreeDepth } from '../../src/markdown/limits.ts';
import { renderMarkdown } from '../../src/markdown/processor.ts';
import { startOf } from '../../src/messages/message.ts';

/** `levels` list items, each indented under the one before. */
const indentedList = (levels: number) => Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- level ${level + 1}`).join('\n');

function rendered(markdown: string) {
  const result = renderMarkdown(markdown, { variables: {} });
  return { html: result.html, messages: result.messages.map((message) => ({ ...startOf(message.place), ruleId: message.ruleId, reason: message.reason })) };
}

describe('nesting of lists and quotes', () => {
  it(`allows ${maxNesting} levels, however they are indented`, () => {
    expect(limitProblem(indentedList(maxNesting))).toBeUndefined();
    expect(limitProblem('- '.repeat(maxNesting) + 'x')).toBeUndefined();
    expect(limitProblem('> '.repeat(maxNesting) + 'x')).toBeUndefined();
    expect(limitProblem('> - '.repeat(maxNesting / 2) + 'x')).toBeUndefined();
    expect(limitProblem(indentedList(maxNesting).replaceAll('  ', '\t'))).toBeUndefined();
  });

  it('reports the marker that opens one level too many, wherever it is', () => {
    expect(limitProblem(indentedList(maxNesting + 1))).toMatchObject({ point: { line: maxNesting + 1, column: 2 * maxNesting + 1 }, ruleId: 'markdown-too-deep' });
    expect(limitProblem('- '.repeat(maxNesting + 1) + 'x')).toMatchObject({ point: { line: 1, column: 2 * maxNesting + 1 }, ruleId: 'markdown-too-deep' });
    expect(limitProblem('> - '.repeat(maxNesting) + 'x')).toMatchObject({ point: { line: 1, column: 2 * maxNesting + 1 }, ruleId: 'markdown-too-deep' });
    expect(limitProblem('>'.repeat(maxNesting + 1) + ' x')).toMatchObject({ point: { line: 1, column: maxNesting + 1 } });
    // Numbered items, and a tab after the marker.
    expect(limitProblem('1.\t'.repeat(maxNesting + 1) + 'x')?.ruleId).toBe('markdown-too-deep');
  });

  it('counts levels kept open by indentation and by `>` on the lines after', () => {
    const lines = ['- - - - - a', '          - - - - - - b'];
    expect(limitProblem(lines.join('\n'))).toMatchObject({ point: { line: 2, column: 21 } });
    expect(limitProblem('> > > > > a\n> > > > > > > > > > > b')?.point.line).toBe(2);
    // A paragraph continued lazily keeps its containers open; a blank line then less indentation closes them.
    expect(limitProblem('- - - - - a\nlazy text\n          - - - - - - b')?.point.line).toBe(3);
    expect(limitProblem('- - - - - a\n\nnot in the list\n          - - - - - - b')).toBeUndefined();
  });

  it('does not count markers in code, or a thematic break', () => {
    expect(limitProblem('```\n' + '- '.repeat(50) + 'x\n```')).toBeUndefined();
    expect(limitProblem('~~~~\n' + '> '.repeat(50) + 'x\n~~~~\n- a')).toBeUndefined();
    expect(limitProblem('    ' + '- '.repeat(50) + 'x')).toBeUndefined();
    expect(limitProblem('- '.repeat(50))).toBeUndefined();
    // After the fence closes, counting resumes.
    expect(limitProblem('```\nx\n```\n' + '- '.repeat(maxNesting + 1) + 'x')?.point.line).toBe(4);
  });

  it('reports a single line thousands of levels deep at once, without overflowing the stack', () => {
    for (const unit of ['- ', '> - ', '* ', '1. ', '>']) {
      const started = performance.now();
      const result = rendered(unit.repeat(100_000) + 'x');
      expect(performance.now() - started, unit).toBeLessThan(10_000);
      expect(result.messages.map((message) => message.ruleId), unit).toEqual(['markdown-too-deep']);
      expect(result.html).toBe('');
    }
  });
});

describe('emphasis and bracket markers in a paragraph', () => {
  it(`allows ${maxInlineMarkers} per paragraph, and counts each paragraph and table row on its own`, () => {
    const markers = (count: number) => '*a* '.repeat(count / 2);
    expect(limitProblem(markers(maxInlineMarkers))).toBeUndefined();
    expect(limitProblem(`${markers(maxInlineMarkers)}\n\n${markers(maxInlineMarkers)}`)).toBeUndefined();
    expect(limitProblem(`| a |\n|---|\n${`| ${markers(maxInlineMarkers)} |\n`.repeat(3)}`)).toBeUndefined();
    expect(limitProblem(`- ${markers(maxInlineMarkers)}\n- ${markers(maxInlineMarkers)}`)).toBeUndefined();
  });

  it('reports the paragraph that has more, at its start', () => {
    const problem = limitProblem(`Intro.\n\nA paragraph ${'*a* '.repeat(maxInlineMarkers / 4)}\ncontinued ${'[b] '.repeat(maxInlineMarkers / 4)}\n${'_c_ '.repeat(maxInlineMarkers / 4)}]`);
    expect(problem).toMatchObject({ point: { line: 3, column: 1 }, ruleId: 'markdown-too-complex' });
  });

  it('does not count escaped markers, or runs with a space on both sides (blanks to fill in)', () => {
    expect(limitProblem('\\* '.repeat(maxInlineMarkers * 2))).toBeUndefined();
    expect(limitProblem('Name: ________ Date: ________ '.repeat(maxInlineMarkers))).toBeUndefined();
  });

  it('reports a 100 KB emphasis run in milliseconds, not minutes', () => {
    for (const unit of ['*a**', '_a__', '~a~~', ']', '[', '[a](', ':x[']) {
      const started = performance.now();
      const result = rendered(unit.repeat(100 * 1024 / unit.length));
      expect(performance.now() - started, unit).toBeLessThan(5_000);
      expect(result.messages.map((message) => message.ruleId), unit).toEqual(['markdown-too-complex']);
    }
  });
});

describe('the depth of the tree', () => {
  it(`allows ${maxTreeDepth} nodes inside each other, and reports deeper emphasis at its deepest node`, () => {
    expect(rendered(`${'*'.repeat(40)}x${'*'.repeat(40)}`).messages).toEqual([]);
    const deep = rendered(`${'*'.repeat(200)}x${'*'.repeat(200)}`);
    expect(deep.messages).toMatchObject([{ ruleId: 'markdown-too-deep', line: 1 }]);
    expect(deep.messages[0]!.reason).toMatch(/nested \d+ levels deep/);
    expect(deep.html).toBe('');
  });
});
