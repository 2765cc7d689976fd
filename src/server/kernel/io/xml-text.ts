/**
 * Characters XML 1.0 cannot hold: C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF. exceljs
 * writes them into the sheet's XML as they are, and Excel then refuses to open the whole file. DEL
 * goes too: it is legal XML but invisible, and no one means it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
/** Half of a surrogate pair without its other half: not a character, written as U+FFFD or worse. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with everything a spreadsheet or document could not hold removed. */
export const xmlSafeText = (s: string) => s.replace(XML_UNSAFE, '').replace(LONE_SURROGATE, '');
