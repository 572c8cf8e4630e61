// Text from the server made safe to show a person. A terminal obeys escape sequences and control characters:
// one in a call's name could clear the screen, set the window's title, or rewrite lines printed before.

// biome-ignore-start lint/suspicious/noControlCharactersInRegex: matching control characters is the point
/**
 * Escape sequences, removed whole so that no "[2J" is left behind: CSI (ESC [ or the 8-bit CSI), the strings
 * of OSC, DCS, SOS, PM and APC up to their terminator (BEL or ST), and the two- or three-character ESC forms.
 */
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u009c|\u001b\\)?|\u001b[ -/]*[0-~]/g;
/**
 * C0, DEL and C1: what is left once the sequences are gone, such as a line break that would tear a row; and the
 * Unicode line and paragraph separators, and the bidirectional overrides and isolates, which reorder what a
 * terminal shows (an id could read as another).
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore-end lint/suspicious/noControlCharactersInRegex: matching control characters is the point

/** One line of text with escape sequences removed and other control characters blanked. */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL_CHARACTER, " ");
}

/** The same, line by line, for text whose line breaks belong to it (a stack trace). */
export function terminalSafeLines(text: string): string {
  return text.split("\n").map(terminalSafe).join("\n");
}
