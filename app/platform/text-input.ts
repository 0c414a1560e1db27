// Text that no one types and PostgreSQL cannot store: NUL (refused in every text value), the other C0
// control characters and DEL. Tab, line feed and carriage return are ordinary text in a textarea.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}
