/**
 * A cell Excel or WPS would run as a formula (=, +, -, @, or a leading TAB/CR, as in
 * =HYPERLINK(...) in a title) gets a leading apostrophe, the OWASP advice for CSV injection;
 * plain numbers such as -1 stay numbers.
 */
export function csvCell(c: string): string {
  return /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(?:\.\d+)?$/.test(c) ? `'${c}` : c;
}

/** RFC 4180: quote when needed, double the quotes; CRLF line ends (what Excel writes and expects). */
export function csvLine(cells: string[]): string {
  return cells
    .map(csvCell)
    .map((c) => (/[",\r\n]/.test(c) || /^\s|\s$/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
    .join(',');
}
