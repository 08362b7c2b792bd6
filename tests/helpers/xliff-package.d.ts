/** The `xliff` package (locize/xliff) ships no types: what the tests use of it, to read exports as another tool would. */
declare module 'xliff/xliff2js' {
  export type XliffValue = string | XliffElement | (string | XliffElement)[];
  export type XliffElement = Record<string, Record<string, string | XliffValue | undefined> & { id?: string; contents?: XliffValue }>;
  export interface XliffUnit {
    source?: XliffValue;
    target?: XliffValue;
    note?: string | string[];
    additionalAttributes?: Record<string, string>;
  }
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  export default function xliff2js(xml: string): Promise<XliffJs>;
}
