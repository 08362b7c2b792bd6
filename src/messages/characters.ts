/**
 * Characters that never belong in content, and printing text that may hold
 * them. Control characters (C0 but tab, line feed and carriage return; DEL;
 * C1) are invisible, can rewrite a terminal when printed, and make feeds and
 * sitemaps invalid XML; so do lone surrogates and the noncharacters U+FFFE
 * and U+FFFF. Bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) reorder the text around them, so that
 * "\u202E03\u202C days" displays as "30 days". The implicit marks LRM, RLM
 * and ALM (U+200E, U+200F, U+061C) are allowed: right-to-left text needs
 * them to place punctuation, and they cannot reorder a run of characters.
 */

export type ForbiddenKind = 'control' | 'bidi';

export interface ForbiddenCharacter {
  kind: ForbiddenKind;
  /** UTF-16 index in the text. */
  index: number;
  /** `U+202E (RIGHT-TO-LEFT OVERRIDE)`. */
  name: string;
}

/** Every forbidden character, one match each (a lone surrogate is one UTF-16 unit). */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/;

const c0Names = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];
const bidiNames: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** `U+001B (ESC)`: the code point and, where it has one, its short name. */
export function characterName(character: string): string {
  const code = character.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = code < 0x20 ? c0Names[code] : code === 0x7f ? 'DEL' : code >= 0x80 && code <= 0x9f ? 'C1 control' : bidiNames[code] ?? (code >= 0xd800 && code <= 0xdfff ? 'lone surrogate' : code >= 0xfffe ? 'noncharacter' : undefined);
  return name ? `${hex} (${name})` : hex;
}

/** The forbidden characters in `text`, at most `limit` of them, in order. */
export function findForbidden(text: string, limit = Infinity): ForbiddenCharacter[] {
  const found: ForbiddenCharacter[] = [];
  forbidden.lastIndex = 0;
  for (let match = forbidden.exec(text); match && found.length < limit; match = forbidden.exec(text)) {
    found.push({ kind: bidiControls.test(match[0]) ? 'bidi' : 'control', index: match.index, name: characterName(match[0]) });
  }
  return found;
}

/**
 * `text` safe to print to a terminal: every forbidden character (and the
 * implicit direction marks, which would still turn a line around) written as
 * `<U+001B>`. Tab, line feed and carriage return become spaces, so that a
 * message stays on its line.
 */
export function printable(text: string): string {
  const code = (character: string) => `<U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;
  return text.replace(forbidden, code).replace(/[\u200E\u200F\u061C]/g, code).replace(/[\t\r\n]/g, ' ');
}
