// The wide-character ncurses API for Swift. NCURSES_WIDECHAR and _XOPEN_SOURCE_EXTENDED must
// be defined before the header; macros that Swift cannot import are wrapped as functions.
#ifndef TUNNELSCOPE_NCURSES_SHIM_H
#define TUNNELSCOPE_NCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncursesw/curses.h>

static inline int ts_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int ts_a_bold(void) { return (int)A_BOLD; }
static inline int ts_a_dim(void) { return (int)A_DIM; }
static inline int ts_a_reverse(void) { return (int)A_REVERSE; }
static inline int ts_a_underline(void) { return (int)A_UNDERLINE; }
static inline int ts_a_normal(void) { return (int)A_NORMAL; }
static inline int ts_key_resize(void) { return KEY_RESIZE; }
static inline int ts_key_mouse(void) { return KEY_MOUSE; }
static inline int ts_err(void) { return ERR; }
static inline int ts_colors(void) { return COLORS; }
static inline int ts_ok(void) { return OK; }
static inline unsigned long ts_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline unsigned long ts_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline unsigned long ts_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline unsigned long ts_button5_pressed(void) { return BUTTON5_PRESSED; }

/// Writes one character cell (a grapheme given as up to 5 UTF-32 code points) with attributes.
static inline int ts_put_cell(WINDOW *win, int y, int x, const wchar_t *chars, int count, int attrs, int pair) {
    cchar_t cell;
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buffer[i] = chars[i];
    buffer[n] = L'\0';
    if (setcchar(&cell, buffer, (attr_t)attrs, (short)pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/// The C library's column width of a code point (what ncurses measures with): -1 unprintable.
int wcwidth(wchar_t c);
static inline int ts_wcwidth(int c) { return wcwidth((wchar_t)c); }

/// The terminal's real size from the kernel (-1 when stdout is not a terminal).
static inline int ts_winsize(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}
#endif
