/**
 * Quotation marks around a name in generated Chinese text (GB/T 15834): a campaign, activity or category name is
 * written “…”, but never gets a second pair.
 * - a name already wrapped in “…”, 「…」 or 『…』 (as a whole, not “a”和“b”) or a 《…》 title stays as it is;
 * - a name wrapped in straight quotes "…" gets curly ones (“…”);
 * - otherwise the name is wrapped in “”, and the double quotes inside it become single ones (‘…’), as nested
 *   quotations are written in Chinese.
 * Blank names give an empty string (nothing to quote).
 */
export const quoted = (name: string): string => {
  const s = name.trim();
  if (!s) return '';
  for (const [open, close] of WRAPS) if (wrappedBy(s, open, close)) return s;
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"') && !s.slice(1, -1).includes('"')) {
    const inner = s.slice(1, -1).trim();
    return inner ? `“${inner}”` : '';
  }
  return `“${nestInner(s)}”`;
};

const WRAPS: [string, string][] = [
  ['“', '”'],
  ['《', '》'],
  ['「', '」'],
  ['『', '』'],
];

/** True when `s` opens with `open` and that very mark is closed by the last character. */
const wrappedBy = (s: string, open: string, close: string): boolean => {
  if (s.length < 2 || !s.startsWith(open) || !s.endsWith(close)) return false;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === open) depth++;
    else if (s[i] === close) {
      depth--;
      if (depth === 0) return i === s.length - 1;
    }
  }
  return false;
};

/** Double quotes inside a name that is about to be wrapped become single ones: 围绕“巾帼心向党” → 围绕‘巾帼心向党’. */
const nestInner = (s: string): string => {
  let out = s.replace(/“/g, '‘').replace(/”/g, '’');
  let opening = true;
  out = out.replace(/"/g, () => {
    const mark = opening ? '‘' : '’';
    opening = !opening;
    return mark;
  });
  return out;
};
