/**
 * encoding/json's syntax errors for text that is not JSON (`invalid character '\'' looking
 * for beginning of object key string`, `unexpected end of JSON input`): what the API
 * server answers when a learner's `-p '{...}'` is not valid JSON.
 */

type Step = { ok: true; pos: number } | { ok: false; error: string };

const WS = new Set([" ", "\t", "\n", "\r"]);

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  if (c === "\n") return "'\\n'";
  if (c === "\t") return "'\\t'";
  return `'${c}'`;
}

class Scanner {
  constructor(private readonly s: string) {}

  private skip(pos: number): number {
    while (pos < this.s.length && WS.has(this.s[pos])) pos++;
    return pos;
  }

  private bad(pos: number, context: string): Step {
    return pos >= this.s.length ? { ok: false, error: "unexpected end of JSON input" } : { ok: false, error: `invalid character ${quoteChar(this.s[pos])} ${context}` };
  }

  private string(pos: number): Step {
    for (let i = pos + 1; i < this.s.length; i++) {
      if (this.s[i] === "\\") i++;
      else if (this.s[i] === '"') return { ok: true, pos: i + 1 };
    }
    return { ok: false, error: "unexpected end of JSON input" };
  }

  value(start: number): Step {
    const pos = this.skip(start);
    const c = this.s[pos];
    if (c === "{") return this.object(pos + 1);
    if (c === "[") return this.array(pos + 1);
    if (c === '"') return this.string(pos);
    const lit = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(this.s.slice(pos));
    if (lit) return { ok: true, pos: pos + lit[0].length };
    return this.bad(pos, "looking for beginning of value");
  }

  private object(start: number): Step {
    let pos = this.skip(start);
    if (this.s[pos] === "}") return { ok: true, pos: pos + 1 };
    for (;;) {
      if (this.s[pos] !== '"') return this.bad(pos, "looking for beginning of object key string");
      const key = this.string(pos);
      if (!key.ok) return key;
      pos = this.skip(key.pos);
      if (this.s[pos] !== ":") return this.bad(pos, "after object key");
      const v = this.value(pos + 1);
      if (!v.ok) return v;
      pos = this.skip(v.pos);
      if (this.s[pos] === "}") return { ok: true, pos: pos + 1 };
      if (this.s[pos] !== ",") return this.bad(pos, "after object key:value pair");
      pos = this.skip(pos + 1);
    }
  }

  private array(start: number): Step {
    let pos = this.skip(start);
    if (this.s[pos] === "]") return { ok: true, pos: pos + 1 };
    for (;;) {
      const v = this.value(pos);
      if (!v.ok) return v;
      pos = this.skip(v.pos);
      if (this.s[pos] === "]") return { ok: true, pos: pos + 1 };
      if (this.s[pos] !== ",") return this.bad(pos, "after array element");
      pos = pos + 1;
    }
  }

  document(): string | undefined {
    const v = this.value(0);
    if (!v.ok) return v.error;
    const end = this.skip(v.pos);
    return end < this.s.length ? `invalid character ${quoteChar(this.s[end])} after top-level value` : undefined;
  }
}

/** The error json.Unmarshal reports for the text, or undefined when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  return new Scanner(text).document();
}
