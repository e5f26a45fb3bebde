/**
 * Turns the strings xterm.js hands to `onData` into keys. xterm delivers one key (or one
 * escape sequence, or one whole paste) per call, so a lone ESC at the end of a chunk is
 * the Escape key and ESC followed by a character in the same chunk is Alt (Meta) plus
 * that character, as readline would read them within its key-sequence timeout. Bracketed
 * pastes (`ESC[200~ ... ESC[201~`) come out as one `paste` key whatever the chunks.
 */

/** The named keys the editor binds. Ctrl-letters are `ctrl-a` .. `ctrl-z`; Alt-x is `alt-x`. */
export type KeyName =
  | "enter"
  | "tab"
  | "backspace"
  | "delete"
  | "left"
  | "right"
  | "up"
  | "down"
  | "home"
  | "end"
  | "word-left"
  | "word-right"
  | "page-up"
  | "page-down"
  | "insert"
  | "escape"
  | "alt-backspace"
  | `ctrl-${string}`
  | `alt-${string}`;

export type Key =
  /** Printable characters typed (or pasted without bracketed paste), never a control character. */
  | { readonly kind: "text"; readonly text: string }
  /** The contents of a bracketed paste: controls removed, line ends turned into "\n". */
  | { readonly kind: "paste"; readonly text: string }
  | { readonly kind: "key"; readonly name: KeyName };

const PASTE_START = "\x1b[200~";
const PASTE_END = "\x1b[201~";

const CONTROL_NAMES: Readonly<Partial<Record<number, KeyName>>> = {
  0x00: "ctrl-@",
  0x08: "ctrl-h",
  0x09: "tab",
  0x0a: "ctrl-j",
  0x0d: "enter",
  0x1c: "ctrl-\\",
  0x1d: "ctrl-]",
  0x1e: "ctrl-^",
  0x1f: "ctrl-_",
  0x7f: "backspace",
};

/** `ESC [ <n> ~` keys. */
const TILDE_KEYS: Readonly<Partial<Record<string, KeyName>>> = {
  "1": "home",
  "2": "insert",
  "3": "delete",
  "4": "end",
  "5": "page-up",
  "6": "page-down",
  "7": "home",
  "8": "end",
};

/** `ESC [ X` and `ESC O X` keys. */
const FINAL_KEYS: Readonly<Partial<Record<string, KeyName>>> = {
  A: "up",
  B: "down",
  C: "right",
  D: "left",
  H: "home",
  F: "end",
};

/** Stateful because a paste, or (rarely) an escape sequence, may span several chunks. */
export class KeyDecoder {
  private carry = "";
  private paste: string | undefined;

  /** The keys in one chunk of terminal input, in order. */
  decode(data: string): Key[] {
    const keys: Key[] = [];
    const s = this.carry + data;
    this.carry = "";
    let text = "";
    const flushText = () => {
      if (text !== "") keys.push({ kind: "text", text });
      text = "";
    };
    let i = 0;
    while (i < s.length) {
      if (this.paste !== undefined) {
        const end = s.indexOf(PASTE_END, i);
        if (end < 0) {
          const keep = partialSuffix(s, PASTE_END);
          this.paste += s.slice(i, s.length - keep);
          this.carry = s.slice(s.length - keep);
          return keys;
        }
        keys.push({ kind: "paste", text: cleanPaste(this.paste + s.slice(i, end)) });
        this.paste = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 0x1b) {
        flushText();
        const seq = readEscape(s, i);
        if (seq === undefined) {
          this.carry = s.slice(i);
          return keys;
        }
        i += seq.length;
        if (seq.text === PASTE_START) {
          this.paste = "";
          continue;
        }
        if (seq.key) keys.push({ kind: "key", name: seq.key });
        continue;
      }
      if (c < 0x20 || c === 0x7f) {
        flushText();
        const name = CONTROL_NAMES[c] ?? `ctrl-${String.fromCharCode(c + 0x60)}`;
        keys.push({ kind: "key", name });
        // "\r\n" in one chunk (a paste from Windows without bracketed paste) is one Enter.
        i += c === 0x0d && s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        continue;
      }
      if (c >= 0x80 && c < 0xa0) {
        i++;
        continue;
      }
      text += s[i];
      i++;
    }
    flushText();
    return keys;
  }
}

interface Escape {
  readonly text: string;
  readonly length: number;
  readonly key?: KeyName;
}

/** Reads the escape sequence at s[i] (an ESC); undefined when a CSI is cut off by the chunk's end. */
function readEscape(s: string, i: number): Escape | undefined {
  const next = s[i + 1];
  if (next === undefined) return { text: "\x1b", length: 1, key: "escape" };
  if (next === "[") {
    let j = i + 2;
    while (j < s.length && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x3f) j++;
    if (j >= s.length) return undefined;
    const final = s[j];
    const text = s.slice(i, j + 1);
    return { text, length: text.length, key: csiKey(s.slice(i + 2, j), final) };
  }
  if (next === "O" && i + 2 < s.length) {
    return { text: s.slice(i, i + 3), length: 3, key: FINAL_KEYS[s[i + 2]] };
  }
  if (next === "\x7f" || next === "\x08") return { text: s.slice(i, i + 2), length: 2, key: "alt-backspace" };
  if (next === "\x1b" || next.charCodeAt(0) < 0x20) return { text: "\x1b", length: 1, key: "escape" };
  const ch = String.fromCodePoint(s.codePointAt(i + 1) ?? 0);
  return { text: "\x1b" + ch, length: 1 + ch.length, key: `alt-${ch.toLowerCase()}` };
}

function csiKey(params: string, final: string): KeyName | undefined {
  if (final === "~") return TILDE_KEYS[params.split(";")[0]];
  const key = FINAL_KEYS[final];
  if (!key) return undefined;
  // xterm encodes Ctrl as modifier 5 and Alt as 3: Ctrl-Left and Alt-Left move by words.
  const modifier = params.split(";")[1];
  if ((modifier === "5" || modifier === "3") && (key === "left" || key === "right")) {
    return key === "left" ? "word-left" : "word-right";
  }
  return key;
}

/** Line ends become "\n"; tabs stay; every other control character and escape sequence goes. */
function cleanPaste(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, "")
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, "");
}

/** How many characters at the end of s could start `marker`. */
function partialSuffix(s: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, s.length); n > 0; n--) {
    if (marker.startsWith(s.slice(s.length - n))) return n;
  }
  return 0;
}
