#ifndef JOBSCOPE_XML_H
#define JOBSCOPE_XML_H

/* The JobScope side of libxml2. Only plain C types cross this boundary, so that Swift never
   imports libxml2's own headers (which drag in ICU and a global xmlFree that Swift 6 rejects). */

#ifdef __cplusplus
extern "C" {
#endif

/* The libxml2 version this was built against, e.g. "20914". */
const char *jsx_libxml_version(void);

/* A parsed page: its visible text and the structured data found in it. Opaque; free with jsx_page_free. */
typedef struct jsx_page jsx_page;

/* Options for jsx_page_parse. */
enum {
    /* Only render the visible text (for HTML held in a description field): no title, JSON-LD or microdata. */
    JSX_TEXT_ONLY = 1,
    /* Stop parsing right after the last JSON-LD block the page can hold (bounded by a byte scan), when
       `encoding` is UTF-8: the title, heading, text and microdata are then incomplete (see
       jsx_page_is_partial), which is fine when the JSON-LD alone gives the postings. */
    JSX_STOP_AFTER_JSONLD = 2,
    /* With JSX_TEXT_ONLY: always parse with libxml2, never take the shortcut for simple fragments (to test
       that the shortcut renders what libxml2 does). */
    JSX_NO_SHORTCUT = 4
};

/* Streams HTML bytes through libxml2's parser (recover mode, no network, no tree built): renders the visible
   text and, unless JSX_TEXT_ONLY, collects the title, first <h1>, JSON-LD blocks and microdata. `encoding` (e.g. "UTF-8", "windows-1252")
   is forced when given; NULL lets libxml2 use the document's own declaration. Returns NULL only when
   libxml2 could not build a document at all. */
jsx_page *jsx_page_parse(const char *bytes, int length, const char *encoding, int options);

/* 1 when jsx_page_parse with JSX_TEXT_ONLY renders these UTF-8 bytes without libxml2 (a simple fragment:
   paragraphs, inline elements, a few character references), 0 when libxml2 parses them. */
int jsx_fragment_is_simple(const char *bytes, int length);

/* 1 when JSX_STOP_AFTER_JSONLD stopped the parser early: only the JSON-LD blocks are complete. */
int jsx_page_is_partial(const jsx_page *page);

/* Releases the page and every string it handed out. */
void jsx_page_free(jsx_page *page);

/* The visible text as UTF-8: chrome (scripts, styles, navigation, headers/footers, forms, cookie banners,
   visually hidden text) dropped; paragraphs separated by a blank line; list items as lines starting
   with "• ". `length` receives the byte count. Never NULL. */
const char *jsx_page_text(jsx_page *page, int *length);

/* The <title> text, or NULL. */
const char *jsx_page_title(const jsx_page *page);

/* The first visible <h1> text, or NULL. */
const char *jsx_page_heading(jsx_page *page);

/* The content of the first <meta> whose property or name is a publication date (article:published_time,
   og:published_time, datePublished, date, DC.date, publish-date, pubdate, …), or NULL. */
const char *jsx_page_meta_date(const jsx_page *page);

/* The datetime attribute of the first visible <time datetime="…">, or NULL. */
const char *jsx_page_time_datetime(const jsx_page *page);

/* The contents of the <script type="application/ld+json"> blocks, in document order. */
int jsx_page_jsonld_count(const jsx_page *page);
const char *jsx_page_jsonld(const jsx_page *page, int index);

/* schema.org microdata: each itemprop as a dotted name ("hiringOrganization.name") and its value
   (content/datetime attribute, else the element's rendered text). */
int jsx_page_microdata_count(const jsx_page *page);
const char *jsx_page_microdata_name(const jsx_page *page, int index);
const char *jsx_page_microdata_value(const jsx_page *page, int index);

/* ---- Excel workbooks (.xlsx): the XML parts, read by libxml2's streaming reader ---- */

/* Cells read from one part of a workbook. Opaque; free with jsx_cells_free. */
typedef struct jsx_cells jsx_cells;

/* Reads a worksheet part (xl/worksheets/sheetN.xml): every <c> cell that holds a value, in document
   order, with its 1-based row (<row r>, else the row after the last), 0-based column (the letters of
   <c r="B3">, else the cell after the last), kind (the t attribute's first letter: 's' shared string
   index, 'i' inline string, 'b' boolean, 'e' error, 'n' number, also for a missing t, and 'S' for
   t="str", a formula's text) and text (<v>, or the <t> runs of an <is>). NULL when libxml2 cannot read
   the XML at all; a part that breaks partway gives the cells before the break. */
jsx_cells *jsx_xlsx_sheet_read(const char *bytes, int length);

/* Reads the shared strings part (xl/sharedStrings.xml): one cell per <si>, row = its 1-based index,
   text = its <t> runs joined (phonetic <rPh> runs left out). */
jsx_cells *jsx_xlsx_shared_strings_read(const char *bytes, int length);

int jsx_cells_count(const jsx_cells *cells);
int jsx_cells_row(const jsx_cells *cells, int index);
int jsx_cells_column(const jsx_cells *cells, int index);
char jsx_cells_kind(const jsx_cells *cells, int index);
const char *jsx_cells_text(const jsx_cells *cells, int index);
void jsx_cells_free(jsx_cells *cells);

#ifdef __cplusplus
}
#endif

#endif
