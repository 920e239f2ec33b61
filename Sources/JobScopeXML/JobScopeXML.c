/* The only JobScope code that includes libxml2. It streams a page through libxml2's HTML parser in SAX
   mode (recover, no network): no tree is built; one pass renders the visible text and collects the
   title, JSON-LD blocks and microdata, and plain C strings go to Swift. Every libxml2 object is freed
   before jsx_page_parse returns; the page owns only malloc'd strings. */
#define _GNU_SOURCE
#include "JobScopeXML.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <libxml/xmlversion.h>
#include <libxml/xmlreader.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *jsx_libxml_version(void) { return LIBXML_VERSION_STRING; }

/* ---- growable byte buffer ---- */

typedef struct {
    char *data;
    size_t len, cap;
} jsx_buf;

static void buf_reserve(jsx_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data) abort();
    b->data = data;
    b->cap = cap;
}

static void buf_append(jsx_buf *b, const char *s, size_t n) {
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

static void buf_putc(jsx_buf *b, char c) {
    buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}

/* Hands the buffer's bytes over as a NUL-terminated string (never NULL). */
static char *buf_take(jsx_buf *b) {
    if (!b->data) {
        char *empty = malloc(1);
        if (!empty) abort();
        empty[0] = 0;
        return empty;
    }
    char *s = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

/* ---- the page ---- */

struct jsx_page {
    int partial; /* parsing stopped after the last JSON-LD block (JSX_STOP_AFTER_JSONLD) */
    char *text;
    int text_len;
    char *title;
    char *heading;
    char **jsonld;
    int jsonld_count, jsonld_cap;
    char **md_names;
    char **md_values;
    int md_count, md_cap;
    char *meta_date; /* the first publication-date <meta> content */
    char *time_date; /* the first visible <time datetime> */
};

static void page_add_jsonld(jsx_page *p, char *s) {
    if (p->jsonld_count == p->jsonld_cap) {
        p->jsonld_cap = p->jsonld_cap ? p->jsonld_cap * 2 : 4;
        p->jsonld = realloc(p->jsonld, sizeof(char *) * (size_t)p->jsonld_cap);
        if (!p->jsonld) abort();
    }
    p->jsonld[p->jsonld_count++] = s;
}

static void page_add_microdata(jsx_page *p, char *name, char *value) {
    if (p->md_count == p->md_cap) {
        p->md_cap = p->md_cap ? p->md_cap * 2 : 8;
        p->md_names = realloc(p->md_names, sizeof(char *) * (size_t)p->md_cap);
        p->md_values = realloc(p->md_values, sizeof(char *) * (size_t)p->md_cap);
        if (!p->md_names || !p->md_values) abort();
    }
    p->md_names[p->md_count] = name;
    p->md_values[p->md_count] = value;
    p->md_count++;
}

/* ---- element classification ---- */

/* What an element name means to the renderer and collectors, looked up once per start tag. libxml2's
   HTML parser hands names over lowercased, so exact comparisons are what strcmp did before. */
enum {
    T_NEVER_TEXT = 1 << 0,  /* content is never visible text, wherever it is */
    T_HEADER_FOOTER = 1 << 1, /* header/footer: chrome outside the posting's own article/main */
    T_NOT_CHROME = 1 << 2,  /* body, html, main, article: never dropped for a class or id mark */
    T_LINE = 1 << 3,        /* block level 1: a line of its own */
    T_PARAGRAPH = 1 << 4,   /* block level 2: a paragraph (blank line around it) */
    T_LI = 1 << 5,
    T_PRE = 1 << 6,
    T_BR = 1 << 7,
    T_CELL = 1 << 8,        /* td, th */
    T_H1 = 1 << 9,
    T_SCRIPT = 1 << 10,
    T_TITLE = 1 << 11,
    T_CONTENT = 1 << 12,    /* article, main: the posting itself */
    T_HREF = 1 << 13,       /* meta, link, a: an itemprop's value may be its href */
    T_EMBEDDED = 1 << 14,   /* object, iframe, audio, video, canvas, applet: their fallback content is
                               skipped, but a block element inside means the tag was left open, and ends it */
    T_TIME = 1 << 15,       /* time: its datetime attribute may date a bare page */
};

typedef struct {
    const char *name;
    unsigned flags;
} jsx_tag;

/* Grouped by first letter; a group ends with a NULL name. */
static const jsx_tag tags_a[] = {{"a", T_HREF}, {"article", T_CONTENT | T_NOT_CHROME | T_PARAGRAPH},
                                 {"address", T_PARAGRAPH}, {"aside", T_NEVER_TEXT}, {"audio", T_NEVER_TEXT | T_EMBEDDED},
                                 {"applet", T_NEVER_TEXT | T_EMBEDDED}, {NULL, 0}};
static const jsx_tag tags_b[] = {{"br", T_BR}, {"body", T_NOT_CHROME}, {"blockquote", T_PARAGRAPH},
                                 {"button", T_NEVER_TEXT}, {NULL, 0}};
static const jsx_tag tags_c[] = {{"canvas", T_NEVER_TEXT | T_EMBEDDED}, {"caption", T_LINE}, {NULL, 0}};
static const jsx_tag tags_d[] = {{"div", T_LINE}, {"dt", T_LINE}, {"dd", T_LINE}, {"dl", T_PARAGRAPH},
                                 {"details", T_PARAGRAPH}, {"dialog", T_NEVER_TEXT}, {NULL, 0}};
/* embed is void: it has no content, so whatever an unclosed one seems to hold is the page itself. */
static const jsx_tag tags_e[] = {{"embed", 0}, {NULL, 0}};
static const jsx_tag tags_f[] = {{"form", T_NEVER_TEXT}, {"footer", T_HEADER_FOOTER | T_PARAGRAPH},
                                 {"figure", T_PARAGRAPH}, {"fieldset", T_PARAGRAPH}, {"figcaption", T_LINE}, {NULL, 0}};
static const jsx_tag tags_h[] = {{"h1", T_PARAGRAPH | T_H1}, {"h2", T_PARAGRAPH}, {"h3", T_PARAGRAPH},
                                 {"h4", T_PARAGRAPH}, {"h5", T_PARAGRAPH}, {"h6", T_PARAGRAPH}, {"hr", T_PARAGRAPH},
                                 {"html", T_NOT_CHROME}, {"head", T_NEVER_TEXT},
                                 {"header", T_HEADER_FOOTER | T_PARAGRAPH}, {NULL, 0}};
static const jsx_tag tags_i[] = {{"iframe", T_NEVER_TEXT | T_EMBEDDED}, {"input", T_NEVER_TEXT}, {NULL, 0}};
static const jsx_tag tags_l[] = {{"li", T_LINE | T_LI}, {"link", T_HREF}, {NULL, 0}};
static const jsx_tag tags_m[] = {{"meta", T_HREF}, {"main", T_CONTENT | T_NOT_CHROME | T_PARAGRAPH},
                                 {"math", T_NEVER_TEXT}, {"map", T_NEVER_TEXT}, {"menu", T_NEVER_TEXT}, {NULL, 0}};
static const jsx_tag tags_n[] = {{"nav", T_NEVER_TEXT}, {"noscript", T_NEVER_TEXT}, {NULL, 0}};
static const jsx_tag tags_o[] = {{"ol", T_PARAGRAPH}, {"option", T_NEVER_TEXT}, {"object", T_NEVER_TEXT | T_EMBEDDED}, {NULL, 0}};
static const jsx_tag tags_p[] = {{"p", T_PARAGRAPH}, {"pre", T_PARAGRAPH | T_PRE}, {NULL, 0}};
static const jsx_tag tags_s[] = {{"span", 0}, {"strong", 0}, {"script", T_NEVER_TEXT | T_SCRIPT},
                                 {"style", T_NEVER_TEXT}, {"section", T_PARAGRAPH}, {"select", T_NEVER_TEXT},
                                 {"svg", T_NEVER_TEXT}, {"summary", T_LINE}, {NULL, 0}};
static const jsx_tag tags_t[] = {{"td", T_CELL}, {"tr", T_LINE}, {"th", T_CELL}, {"table", T_PARAGRAPH},
                                 {"title", T_TITLE}, {"template", T_NEVER_TEXT}, {"textarea", T_NEVER_TEXT},
                                 {"time", T_TIME}, {NULL, 0}};
static const jsx_tag tags_u[] = {{"ul", T_PARAGRAPH}, {NULL, 0}};
static const jsx_tag tags_v[] = {{"video", T_NEVER_TEXT | T_EMBEDDED}, {NULL, 0}};

static unsigned tag_flags(const char *n) {
    const jsx_tag *t;
    switch (n[0]) {
    case 'a': t = tags_a; break;
    case 'b': t = tags_b; break;
    case 'c': t = tags_c; break;
    case 'd': t = tags_d; break;
    case 'e': t = tags_e; break;
    case 'f': t = tags_f; break;
    case 'h': t = tags_h; break;
    case 'i': t = tags_i; break;
    case 'l': t = tags_l; break;
    case 'm': t = tags_m; break;
    case 'n': t = tags_n; break;
    case 'o': t = tags_o; break;
    case 'p': t = tags_p; break;
    case 's': t = tags_s; break;
    case 't': t = tags_t; break;
    case 'u': t = tags_u; break;
    case 'v': t = tags_v; break;
    default: return 0;
    }
    for (; t->name; t++)
        if (t->name[1] == n[1] && strcmp(n, t->name) == 0) return t->flags;
    return 0;
}

/* The attributes that decide whether an element is chrome, however they were found (DOM or SAX). */
typedef struct {
    const char *cls, *id, *style, *role;
    int hidden;
} jsx_attrs;

/* Whether a (lowercase, ASCII) word occurs in `s`, ignoring ASCII case. */
static int contains_word(const char *s, const char *word) {
    const unsigned char first = (unsigned char)word[0];
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p | 0x20) != first && *p != first) continue;
        const unsigned char *a = p;
        const unsigned char *b = (const unsigned char *)word;
        while (*b && *a && (*a == *b || ((*a >= 'A' && *a <= 'Z') && (*a | 0x20) == *b))) { a++; b++; }
        if (!*b) return 1;
    }
    return 0;
}

/* Page chrome and hidden elements: dropped from the visible text. Headers and footers are kept when
   they sit inside the posting itself (an <article> or <main>), where they usually hold its title. */
static int is_chrome_element(unsigned flags, const jsx_attrs *a, int in_content) {
    if (flags & T_NEVER_TEXT) return 1;
    if (!in_content && (flags & T_HEADER_FOOTER)) return 1;
    if (a->hidden) return 1;
    const char *role = a->role;
    if (role && (strcasecmp(role, "navigation") == 0 || strcasecmp(role, "banner") == 0 ||
                 strcasecmp(role, "contentinfo") == 0 || strcasecmp(role, "search") == 0 ||
                 strcasecmp(role, "dialog") == 0 || strcasecmp(role, "alertdialog") == 0))
        return 1;
    const char *style = a->style;
    if (style && (contains_word(style, "display:none") || contains_word(style, "display: none") ||
                  contains_word(style, "visibility:hidden") || contains_word(style, "visibility: hidden")))
        return 1;
    if (flags & T_NOT_CHROME) return 0;
    static const char *marks[] = {"cookie", "consent", "gdpr", "onetrust", "visually-hidden", "sr-only",
                                  "screen-reader", "skip-link", "a11y-text", NULL};
    const char *ids[2] = {a->cls, a->id};
    for (int k = 0; k < 2; k++) {
        if (!ids[k] || !*ids[k]) continue;
        for (const char **m = marks; *m; m++)
            if (contains_word(ids[k], *m)) return 1;
    }
    return 0;
}

/* ---- visible-text renderer ---- */

typedef struct {
    jsx_buf out;
    int pending_break;  /* newlines owed before the next text: 0, 1 or 2 */
    int pending_space;
    int bullet_pending; /* a list item started and has not written text yet */
    int pre_depth;
    jsx_buf *heading;   /* where the first <h1> text goes, if still wanted */
    int in_heading;
} jsx_renderer;

static void r_break(jsx_renderer *r, int n) {
    if (n > r->pending_break) r->pending_break = n;
    r->pending_space = 0;
}

/* Byte classes for r_emit: 1 white space, 2 the lead byte of a possible NBSP (C2 A0), 0 text. */
static const unsigned char byte_class[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1, [0xC2] = 2,
};

static inline int is_space_byte(unsigned char c) { return byte_class[c] == 1; }

/* Eight bytes at a time (SWAR). 0x80 in exactly the zero bytes of v. */
static inline uint64_t zero_marks(uint64_t v) {
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((v & low7) + low7) | v | low7);
}

/* Whether any byte of v is below n (n <= 0x80); exact as a yes/no answer. */
static inline int has_byte_below(uint64_t v, unsigned char n) {
    return ((v - 0x0101010101010101ULL * n) & ~v & 0x8080808080808080ULL) != 0;
}

/* Whether none of s[0..7] ends a run in r_emit: no white space but single spaces before more text, and
   no C2 (which may start an NBSP). Reads s[0..8]. */
static inline int plain_run8(const unsigned char *s) {
    uint64_t here, after;
    memcpy(&here, s, 8);
    memcpy(&after, s + 1, 8);
    const uint64_t spaces = 0x2020202020202020ULL, c2 = 0xC2C2C2C2C2C2C2C2ULL;
    if (has_byte_below(here, 0x0E) || has_byte_below(after, 0x0E)) return 0;
    if ((zero_marks(here ^ c2) | zero_marks(after ^ c2)) != 0) return 0;
    return (zero_marks(here ^ spaces) & zero_marks(after ^ spaces)) == 0;
}

/* Renders `n` bytes of text (no NUL among them): white space (and NBSP) collapsed, breaks and bullets
   owed written before the next word. A run of non-space bytes is copied in one go. */
static void r_emit(jsx_renderer *r, const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        int nbsp = c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0;
        if (nbsp || is_space_byte(c)) {
            i += nbsp ? 2 : 1;
            if (r->pre_depth > 0 && c == '\n') {
                r_break(r, 1);
            } else if (r->out.len > 0 && r->out.data[r->out.len - 1] != '\n') {
                r->pending_space = 1;
            }
            if (r->in_heading && r->heading && r->heading->len > 0) r->in_heading = 2;
            continue;
        }
        /* The run goes on over text bytes and over single spaces between them: a lone ' ' before more
           text renders as itself (it sets pending_space, and the next byte writes it), so words and
           the spaces between them are copied at once. The stop test is branch-free (where words end
           is unpredictable); C2 stops a run too (it may start an NBSP) and is then taken as a run of
           its own, which renders the same. */
        size_t j = i + 1;
        while (j + 1 < n) {
            if (j + 9 <= n && plain_run8(s + j)) {
                j += 8;
                continue;
            }
            unsigned char c = s[j];
            int stop = (byte_class[c] != 0) & ((c != ' ') | (byte_class[s[j + 1]] != 0));
            if (stop) break;
            j++;
        }
        if (j + 1 == n && byte_class[s[j]] == 0) j++;
        if (r->pending_break && r->out.len > 0) {
            buf_append(&r->out, "\n\n", (size_t)r->pending_break);
            r->pending_space = 0;
        }
        r->pending_break = 0;
        int line_start = r->out.len == 0 || r->out.data[r->out.len - 1] == '\n';
        if (line_start && r->bullet_pending) {
            buf_append(&r->out, "\xE2\x80\xA2 ", 4);
        } else if (r->pending_space && !line_start) {
            buf_putc(&r->out, ' ');
        }
        r->bullet_pending = 0;
        r->pending_space = 0;
        buf_append(&r->out, (const char *)s + i, j - i);
        if (r->in_heading && r->heading) {
            if (r->in_heading == 2) buf_putc(r->heading, ' ');
            r->in_heading = 1;
            buf_append(r->heading, (const char *)s + i, j - i);
        }
        i = j;
    }
}

static char *join_name(const char *prefix, const char *name) {
    size_t a = prefix ? strlen(prefix) : 0, b = strlen(name);
    char *s = malloc(a + b + 2);
    if (!s) abort();
    if (a) {
        memcpy(s, prefix, a);
        s[a] = '.';
        memcpy(s + a + 1, name, b + 1);
    } else {
        memcpy(s, name, b + 1);
    }
    return s;
}

/* ---- the streaming pass ---- */

/* A renderer that receives text: the page's own, or one capturing an itemprop element's text. Each has
   its own skip state, since an itemprop's text is rendered from that element down. */
typedef struct {
    jsx_renderer r;
    int skip_depth; /* depth of the chrome element being skipped, or 0 */
    int skip_embedded; /* the element skipped is an embedded one (T_EMBEDDED) */
    int start_depth; /* for captures: depth of the itemprop element */
    char *name;      /* for captures: the dotted microdata name */
} jsx_sink;

typedef struct {
    unsigned char level, is_li, is_pre, is_h1, content;
    const char *prefix; /* microdata name prefix for children (owned by this or an outer frame) */
    char *owned;
} jsx_frame;

typedef struct {
    jsx_page *page;
    htmlParserCtxtPtr ctxt;
    int structured; /* collect title, JSON-LD, microdata */
    int microdata;  /* 1 collect microdata, 0 not, -1 not known yet (decided at the first itemprop/itemscope) */
    const char *bytes; /* the page, for that decision */
    size_t length;
    int stop_after_jsonld; /* stop the parser once this many JSON-LD blocks are in (0: never) */
    int stopped;           /* the parser was stopped: later callbacks (libxml2's closing of open elements) are ignored */
    jsx_frame *stack;
    int depth, cap;
    jsx_sink main;
    jsx_sink *captures;
    int ncaptures, capcap;
    jsx_buf heading;
    int script_depth, title_depth;
    jsx_buf raw; /* the JSON-LD script or <title> being collected */
} jsx_stream;

static const char *find_attr(const xmlChar **atts, const char *name) {
    for (const xmlChar **p = atts; p && p[0]; p += 2)
        if (strcasecmp((const char *)p[0], name) == 0) return p[1] ? (const char *)p[1] : "";
    return NULL;
}

/* Start effects of an element on one sink (or the start of skipping it). */
static void sink_start(jsx_sink *k, unsigned flags, int chrome, const jsx_frame *f, int depth) {
    if (k->skip_depth && k->skip_embedded && (f->level || f->is_li || (flags & T_CONTENT))) {
        /* A paragraph, list or article inside an <object> or <iframe>: the tag was never closed and
           would swallow the page. The skip ends here. */
        k->skip_depth = 0;
        k->skip_embedded = 0;
    }
    if (k->skip_depth) return;
    if (chrome) {
        k->skip_depth = depth;
        k->skip_embedded = (flags & T_EMBEDDED) != 0;
        return;
    }
    if (flags & T_BR) {
        r_break(&k->r, 1);
        return;
    }
    if (f->level) r_break(&k->r, f->level);
    if (flags & T_CELL) k->r.pending_space = k->r.out.len > 0;
    if (f->is_li) k->r.bullet_pending = 1;
    if (f->is_pre) k->r.pre_depth++;
}

static void sink_end(jsx_sink *k, const jsx_frame *f, int depth) {
    if (k->skip_depth) {
        if (k->skip_depth == depth) k->skip_depth = 0;
        return;
    }
    if (f->is_pre) k->r.pre_depth--;
    if (f->is_li) k->r.bullet_pending = 0;
    if (f->level) r_break(&k->r, f->level);
}

/* Meta names and properties that carry a page's publication date. */
static int is_date_meta(const char *key) {
    static const char *keys[] = {"article:published_time", "og:published_time", "og:article:published_time",
                                 "datepublished", "dateposted", "date", "dc.date", "dc.date.created",
                                 "dc.date.issued", "dcterms.created", "dcterms.date", "publish-date", "publish_date",
                                 "publishdate", "pubdate", "published", "published_time", "sailthru.date",
                                 "parsely-pub-date", "job:posted", "posted", "date_posted", NULL};
    for (const char **k = keys; *k; k++)
        if (strcasecmp(key, *k) == 0) return 1;
    return 0;
}

static void sax_start(void *ctx, const xmlChar *xname, const xmlChar **atts) {
    jsx_stream *s = ctx;
    if (s->stopped) return;
    const char *n = (const char *)xname;
    if (s->depth == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->stack = realloc(s->stack, sizeof(jsx_frame) * (size_t)s->cap);
        if (!s->stack) abort();
    }
    const jsx_frame *parent = s->depth > 0 ? &s->stack[s->depth - 1] : NULL;
    jsx_frame *f = &s->stack[s->depth++];
    memset(f, 0, sizeof(*f));
    int depth = s->depth;
    int in_content = parent ? parent->content : 0;
    f->prefix = parent ? parent->prefix : NULL;
    unsigned flags = tag_flags(n);

    if (s->structured) {
        if (!s->script_depth && (flags & T_SCRIPT)) {
            const char *type = find_attr(atts, "type");
            if (type && contains_word(type, "ld+json")) s->script_depth = depth;
        } else if (!s->title_depth && !s->page->title && (flags & T_TITLE)) {
            s->title_depth = depth;
        }
    }

    jsx_attrs a = {0};
    for (const xmlChar **p = atts; p && p[0]; p += 2) {
        const char *an = (const char *)p[0];
        const char *value = p[1] ? (const char *)p[1] : "";
        switch (an[0] | 0x20) {
        case 'c': if (strcasecmp(an, "class") == 0) a.cls = value; break;
        case 'i': if (strcasecmp(an, "id") == 0) a.id = value; break;
        case 's': if (strcasecmp(an, "style") == 0) a.style = value; break;
        case 'r': if (strcasecmp(an, "role") == 0) a.role = value; break;
        case 'h': if (strcasecmp(an, "hidden") == 0) a.hidden = 1; break;
        default: break;
        }
    }
    if (s->structured && (flags & T_HREF) && n[0] == 'm' && !s->page->meta_date) {
        /* <meta property="article:published_time" content="…"> and its kin date a bare page. */
        const char *key = find_attr(atts, "property");
        if (!key) key = find_attr(atts, "name");
        if (!key) key = find_attr(atts, "itemprop");
        const char *content = find_attr(atts, "content");
        if (key && content && *content && is_date_meta(key)) {
            s->page->meta_date = strdup(content);
            if (!s->page->meta_date) abort();
        }
    }
    f->content = (unsigned char)(in_content || (flags & T_CONTENT));
    f->level = (unsigned char)((flags & T_PARAGRAPH) ? 2 : (flags & T_LINE) ? 1 : 0);
    f->is_li = (flags & T_LI) != 0;
    f->is_pre = (flags & T_PRE) != 0;

    sink_start(&s->main, flags, is_chrome_element(flags, &a, in_content), f, depth);
    if (s->ncaptures) {
        int chrome = is_chrome_element(flags, &a, 1);
        for (int i = 0; i < s->ncaptures; i++) sink_start(&s->captures[i], flags, chrome, f, depth);
    }
    if (s->structured && (flags & T_TIME) && !s->main.skip_depth && !s->page->time_date) {
        const char *when = find_attr(atts, "datetime");
        if (when && *when) {
            s->page->time_date = strdup(when);
            if (!s->page->time_date) abort();
        }
    }
    if (!s->main.skip_depth && (flags & T_H1) && s->heading.len == 0 && !s->main.r.in_heading) {
        f->is_h1 = 1;
        s->main.r.in_heading = 1;
    }

    if (s->microdata) {
        const char *prop = find_attr(atts, "itemprop");
        int scope = find_attr(atts, "itemscope") != NULL;
        if (s->microdata < 0 && (prop || scope)) {
            /* Microdata is read when the page's bytes hold "itemprop". Decided here rather than by a scan
               of every page: elements before the first itemprop/itemscope attribute do nothing for it. */
            s->microdata = memmem(s->bytes, s->length, "itemprop", 8) != NULL;
        }
        if (s->microdata > 0 && prop && *prop) {
            char *name = join_name(f->prefix, prop);
            if (scope) {
                f->owned = name;
                f->prefix = name;
            } else {
                const char *value = find_attr(atts, "content");
                if (!value) value = find_attr(atts, "datetime");
                if (!value && (flags & T_HREF)) value = find_attr(atts, "href");
                if (value) {
                    char *copy = strdup(value);
                    if (!copy) abort();
                    page_add_microdata(s->page, name, copy);
                } else {
                    if (s->ncaptures == s->capcap) {
                        s->capcap = s->capcap ? s->capcap * 2 : 4;
                        s->captures = realloc(s->captures, sizeof(jsx_sink) * (size_t)s->capcap);
                        if (!s->captures) abort();
                    }
                    jsx_sink *k = &s->captures[s->ncaptures++];
                    memset(k, 0, sizeof(*k));
                    k->start_depth = depth;
                    k->name = name;
                }
            }
        } else if (s->microdata > 0 && scope) {
            f->prefix = NULL; /* a nested item of its own starts a fresh scope */
        }
    }
}

static void sax_end(void *ctx, const xmlChar *name) {
    (void)name;
    jsx_stream *s = ctx;
    if (s->stopped || s->depth == 0) return;
    int depth = s->depth;
    jsx_frame *f = &s->stack[--s->depth];
    if (s->script_depth == depth) {
        page_add_jsonld(s->page, buf_take(&s->raw));
        s->script_depth = 0;
        if (s->stop_after_jsonld && s->page->jsonld_count >= s->stop_after_jsonld) {
            /* Every JSON-LD block the page can hold is in: the rest is only needed when the blocks do
               not give the postings in full, and then the caller parses the whole page. */
            xmlStopParser(s->ctxt);
            s->stopped = 1;
            s->page->partial = 1;
            free(f->owned);
            return;
        }
    } else if (s->title_depth == depth) {
        s->page->title = buf_take(&s->raw);
        s->title_depth = 0;
    }
    /* Captures that started at this element end here (they are the innermost ones). */
    while (s->ncaptures > 0 && s->captures[s->ncaptures - 1].start_depth == depth) {
        jsx_sink *k = &s->captures[--s->ncaptures];
        page_add_microdata(s->page, k->name, buf_take(&k->r.out));
    }
    for (int i = 0; i < s->ncaptures; i++) sink_end(&s->captures[i], f, depth);
    sink_end(&s->main, f, depth);
    if (f->is_h1) s->main.r.in_heading = 0;
    free(f->owned);
}

static void sax_characters(void *ctx, const xmlChar *ch, int len) {
    jsx_stream *s = ctx;
    if (len <= 0 || s->stopped) return;
    if (s->script_depth || s->title_depth) {
        buf_append(&s->raw, (const char *)ch, (size_t)len);
        return;
    }
    int any = !s->main.skip_depth;
    for (int i = 0; i < s->ncaptures && !any; i++) any = !s->captures[i].skip_depth;
    if (!any) return;
    /* The text ends at a NUL byte, should libxml2 ever pass one on. */
    size_t n = strnlen((const char *)ch, (size_t)len);
    if (!s->main.skip_depth) r_emit(&s->main.r, ch, n);
    for (int i = 0; i < s->ncaptures; i++)
        if (!s->captures[i].skip_depth) r_emit(&s->captures[i].r, ch, n);
}

/* An upper bound on the JSON-LD blocks libxml2 can find in UTF-8 (or other ASCII-compatible) bytes.
   A script element starts with the bytes "<script" (any case), and its type attribute follows them,
   before the next "<script"; for the decoded value to hold "ld+json", the raw bytes hold "json" (any
   case) or an entity's "&". So every JSON-LD block has its own stretch, from one "<script" to the next,
   holding "json" or "&": counting those stretches over-counts (other scripts may mention JSON) but
   never under-counts. */
static int jsonld_upper_bound(const unsigned char *b, size_t n) {
    int count = 0, candidate = 0, in_stretch = 0;
    size_t i = 0;
    while (i < n) {
        if (!in_stretch || candidate) {
            /* Nothing to look for before the next "<script": hop from '<' to '<'. */
            const unsigned char *lt = memchr(b + i, '<', n - i);
            if (!lt) break;
            i = (size_t)(lt - b);
        }
        unsigned char c = b[i];
        if (c == '<') {
            if (i + 7 <= n && (b[i + 1] | 0x20) == 's' && (b[i + 2] | 0x20) == 'c' && (b[i + 3] | 0x20) == 'r' &&
                (b[i + 4] | 0x20) == 'i' && (b[i + 5] | 0x20) == 'p' && (b[i + 6] | 0x20) == 't') {
                count += candidate;
                candidate = 0;
                in_stretch = 1;
                i += 6;
            }
        } else if (c == '&') {
            candidate = 1;
        } else if ((c | 0x20) == 'j' && i + 4 <= n && (b[i + 1] | 0x20) == 's' && (b[i + 2] | 0x20) == 'o' &&
                   (b[i + 3] | 0x20) == 'n') {
            candidate = 1;
        }
        i++;
    }
    return count + candidate;
}

/* ---- entry points ---- */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_parser(void) { xmlInitParser(); }

/* libxml2 reports some problems (encoding conversion, I/O) through its generic handler even with
   HTML_PARSE_NOERROR; JobScope reports errors itself, so they are silenced (the handler is per thread). */
static void ignore_error(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

/* A copy of `bytes` with the internal subset of a leading DOCTYPE turned into spaces, or NULL when the
   page has none. Only ASCII-compatible bytes are looked at (UTF-16 reaches here as UTF-8). */
static char *blank_internal_subset(const char *bytes, int length) {
    int i = 0;
    if (length >= 3 && (unsigned char)bytes[0] == 0xEF && (unsigned char)bytes[1] == 0xBB && (unsigned char)bytes[2] == 0xBF) i = 3;
    while (i < length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) i++;
    if (i + 9 > length || strncasecmp(bytes + i, "<!doctype", 9) != 0) return NULL;
    int j = i + 9;
    while (j < length && bytes[j] != '>' && bytes[j] != '[') j++;
    if (j >= length || bytes[j] != '[') return NULL;
    int open = j;
    /* The subset ends at the first "]" followed (after white space) by ">". */
    int k = open + 1, close = -1;
    while (k < length) {
        if (bytes[k] == ']') {
            int m = k + 1;
            while (m < length && (bytes[m] == ' ' || bytes[m] == '\t' || bytes[m] == '\n' || bytes[m] == '\r')) m++;
            if (m < length && bytes[m] == '>') {
                close = k;
                break;
            }
        }
        k++;
    }
    if (close < 0) return NULL;
    char *copy = malloc((size_t)length);
    if (!copy) abort();
    memcpy(copy, bytes, (size_t)length);
    memset(copy + open, ' ', (size_t)(close - open + 1));
    return copy;
}

/* ---- simple fragments, rendered without libxml2 ---- */

/* The UTF-8 encoding of `c` (a scalar value) into out[0..3]; its length. */
static size_t utf8_encode(uint32_t c, unsigned char *out) {
    if (c < 0x80) { out[0] = (unsigned char)c; return 1; }
    if (c < 0x800) { out[0] = (unsigned char)(0xC0 | (c >> 6)); out[1] = (unsigned char)(0x80 | (c & 0x3F)); return 2; }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (c >> 12)); out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F)); return 3;
    }
    out[0] = (unsigned char)(0xF0 | (c >> 18)); out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F)); out[3] = (unsigned char)(0x80 | (c & 0x3F)); return 4;
}

/* Whether libxml2 passes scalar `c` on as text unchanged (and this shortcut may): printable ASCII, and
   from U+00A0 on, neither a surrogate nor a noncharacter U+FFFE/U+FFFF nor the byte order mark (which a
   parser may drop at the start). C0 and C1 controls, which libxml2 reports or drops, are left to it. */
static int plain_scalar(uint32_t c) {
    if (c >= 0x20 && c < 0x7F) return 1;
    if (c < 0xA0 || (c >= 0xD800 && c < 0xE000) || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) return 0;
    return c < 0x110000;
}

/* Length of the valid UTF-8 sequence of a plain scalar (see plain_scalar) at s[i] (s[i] >= 0x80), or 0. */
static size_t plain_utf8_at(const unsigned char *s, size_t n, size_t i) {
    unsigned char b = s[i];
    size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    if (len == 0 || b > 0xF4 || i + len > n) return 0;
    uint32_t c = b & (0x7F >> len);
    for (size_t k = 1; k < len; k++) {
        if ((s[i + k] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (s[i + k] & 0x3F);
    }
    /* Overlong forms: the smallest scalar of each length. */
    if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000)) return 0;
    return plain_scalar(c) ? len : 0;
}

/* libxml2's blanks (IS_BLANK_CH): space, tab, LF, CR. */
static inline int xml_blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Inline elements that the renderer gives no break, no bullet and no skip (tag_flags 0), which the shortcut
   accepts with a matching end tag. */
static int simple_inline(const unsigned char *name, size_t len) {
    static const char *names[] = {"a", "b", "i", "u", "em", "strong", "code", "span", NULL};
    for (const char **k = names; *k; k++)
        if (strlen(*k) == len && memcmp(*k, name, len) == 0) return 1;
    return 0;
}

/* Renders `s` into `r` as libxml2's parse and the SAX renderer do, when the fragment is simple: valid UTF-8
   text of plain scalars, tab, LF and CR; the character references &amp; &lt; &gt; &quot; and &#N; / &#xH;
   of plain scalars; <p> and </p> outside inline elements (the text before the first tag is in an implied
   <p>); and the inline elements of simple_inline, properly nested, with quoted attributes other than the
   ones that make an element chrome (class, id, style, role, hidden). Returns 0 for anything else (a comment,
   a block element, a stray '<' or '&', unquoted attributes, …); `r` then holds a partial text to discard.
   In such a fragment a <p> start or end only owes a paragraph break, inline elements do nothing, and the
   text is what libxml2 hands the renderer; r_emit gives the same text however text is split into calls. */
static int simple_fragment_render(const unsigned char *s, size_t n, jsx_renderer *r) {
    /* The inline elements open, innermost last. */
    const unsigned char *open_name[16];
    size_t open_len[16];
    int depth = 0, p_open = 0, tag_seen = 0;
    size_t i = 0, run = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F && c != '<' && c != '&') { i++; continue; }
        if (c == '\t' || c == '\n' || c == '\r') { i++; continue; }
        if (c >= 0x80) {
            size_t len = plain_utf8_at(s, n, i);
            if (!len) return 0;
            i += len;
            continue;
        }
        if (c != '<' && c != '&') return 0; /* a control byte, NUL, DEL */
        /* Text before the first tag opens an implied <p> (libxml2's htmlCheckParagraph). */
        if (i > run) {
            if (!tag_seen) {
                for (size_t k = run; k < i; k++)
                    if (!is_space_byte(s[k])) { p_open = 1; break; }
            }
            r_emit(r, s + run, i - run);
        }
        if (c == '&') {
            size_t j = i + 1;
            unsigned char out[4];
            size_t out_len = 0;
            if (j < n && s[j] == '#') {
                j++;
                int hex = j < n && (s[j] == 'x' || s[j] == 'X');
                if (hex) j++;
                uint32_t v = 0;
                size_t digits = 0;
                while (j < n && digits < 7) {
                    unsigned char d = s[j];
                    int value = d >= '0' && d <= '9' ? d - '0'
                              : hex && (d | 0x20) >= 'a' && (d | 0x20) <= 'f' ? (d | 0x20) - 'a' + 10 : -1;
                    if (value < 0) break;
                    v = v * (hex ? 16 : 10) + (uint32_t)value;
                    digits++;
                    j++;
                }
                if (digits == 0 || j >= n || s[j] != ';' || !plain_scalar(v)) return 0;
                out_len = utf8_encode(v, out);
            } else {
                static const struct { const char *name; char value; } named[] = {
                    {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {NULL, 0}};
                for (int k = 0; named[k].name; k++) {
                    size_t len = strlen(named[k].name);
                    if (j + len <= n && memcmp(s + j, named[k].name, len) == 0) {
                        out[0] = (unsigned char)named[k].value;
                        out_len = 1;
                        j += len - 1;
                        break;
                    }
                }
                if (!out_len) return 0;
            }
            /* Text starting with a reference opens the implied <p> too. */
            if (!tag_seen && !is_space_byte(out[0])) p_open = 1;
            r_emit(r, out, out_len);
            i = j + 1;
            run = i;
            continue;
        }
        /* A tag: <name attrs> or </name>, lowercase names only. */
        size_t j = i + 1;
        int end = j < n && s[j] == '/';
        if (end) j++;
        size_t name_start = j;
        while (j < n && s[j] >= 'a' && s[j] <= 'z') j++;
        size_t name_len = j - name_start;
        if (name_len == 0) return 0;
        const unsigned char *name = s + name_start;
        int is_p = name_len == 1 && name[0] == 'p';
        if (!is_p && !simple_inline(name, name_len)) return 0;
        if (end) {
            if (j >= n || s[j] != '>') return 0;
            if (is_p) {
                if (depth > 0 || !p_open) return 0;
                p_open = 0;
                r_break(r, 2);
            } else {
                if (depth == 0 || open_len[depth - 1] != name_len || memcmp(open_name[depth - 1], name, name_len) != 0) return 0;
                depth--;
            }
        } else {
            /* Attributes: name="value" or name='value', none that can make the element chrome. */
            while (j < n && s[j] != '>') {
                if (!xml_blank(s[j])) return 0;
                while (j < n && xml_blank(s[j])) j++;
                if (j < n && s[j] == '>') break;
                size_t an = j;
                while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || s[j] == '-')) j++;
                size_t an_len = j - an;
                if (an_len == 0 || j >= n || s[j] != '=') return 0;
                static const char *chrome[] = {"class", "id", "style", "role", "hidden", NULL};
                for (const char **k = chrome; *k; k++)
                    if (strlen(*k) == an_len && strncasecmp(*k, (const char *)s + an, an_len) == 0) return 0;
                j++;
                if (j >= n || (s[j] != '"' && s[j] != '\'')) return 0;
                unsigned char quote = s[j++];
                /* The value is not used, but libxml2 reads it: only plain text may be in it. */
                while (j < n && s[j] != quote) {
                    unsigned char v = s[j];
                    if (v >= 0x80) {
                        size_t len = plain_utf8_at(s, n, j);
                        if (!len) return 0;
                        j += len;
                        continue;
                    }
                    if (v == '<' || (v < 0x20 && !xml_blank(v)) || v == 0x7F) return 0;
                    j++;
                }
                if (j >= n) return 0;
                j++;
            }
            if (j >= n) return 0;
            if (is_p) {
                if (depth > 0 || j != name_start + name_len) return 0; /* <p> without attributes */
                p_open = 1;
                r_break(r, 2);
            } else {
                if (depth == 16) return 0;
                open_name[depth] = name;
                open_len[depth] = name_len;
                depth++;
            }
        }
        tag_seen = 1;
        i = j + 1;
        run = i;
    }
    if (n > run) r_emit(r, s + run, n - run);
    return 1;
}

int jsx_fragment_is_simple(const char *bytes, int length) {
    if (length <= 0) return 0;
    jsx_renderer r = {0};
    int simple = simple_fragment_render((const unsigned char *)bytes, (size_t)length, &r);
    free(r.out.data);
    return simple;
}

jsx_page *jsx_page_parse(const char *bytes, int length, const char *encoding, int options) {
    if (length <= 0) return NULL;
    if ((options & JSX_TEXT_ONLY) && !(options & JSX_NO_SHORTCUT) && encoding && strcasecmp(encoding, "UTF-8") == 0) {
        jsx_renderer r = {0};
        if (simple_fragment_render((const unsigned char *)bytes, (size_t)length, &r)) {
            jsx_page *p = calloc(1, sizeof(jsx_page));
            if (!p) abort();
            p->text_len = (int)r.out.len;
            p->text = buf_take(&r.out);
            return p;
        }
        free(r.out.data);
    }
    pthread_once(&init_once, init_parser);
    xmlSetGenericErrorFunc(NULL, ignore_error);
    xmlSetStructuredErrorFunc(NULL, NULL);
    /* libxml2's HTML parser does not know a DOCTYPE's internal subset ("<!DOCTYPE html [ … ]>"): its
       declarations would leak into the text. The subset is blanked in a copy before parsing. */
    char *blanked = blank_internal_subset(bytes, length);
    if (blanked) bytes = blanked;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(bytes, length);
    if (!ctxt) {
        free(blanked);
        return NULL;
    }
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | (encoding ? HTML_PARSE_IGNORE_ENC : 0));
    if (encoding) {
        xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
        if (handler) xmlSwitchToEncoding(ctxt, handler);
    }
    jsx_page *p = calloc(1, sizeof(jsx_page));
    if (!p) abort();
    jsx_stream stream = {0};
    stream.page = p;
    stream.structured = !(options & JSX_TEXT_ONLY);
    stream.microdata = stream.structured ? -1 : 0;
    stream.bytes = bytes;
    stream.length = (size_t)length;
    stream.main.r.heading = stream.structured ? &stream.heading : NULL;
    stream.ctxt = ctxt;
    if (stream.structured && (options & JSX_STOP_AFTER_JSONLD) && encoding && strcasecmp(encoding, "UTF-8") == 0) {
        /* No JSON-LD possible: nothing to stop for, the page is parsed in full. */
        stream.stop_after_jsonld = jsonld_upper_bound((const unsigned char *)bytes, (size_t)length);
    }
    xmlSAXHandlerPtr sax = ctxt->sax;
    memset(sax, 0, sizeof(*sax));
    sax->startElement = sax_start;
    sax->endElement = sax_end;
    sax->characters = sax_characters;
    sax->cdataBlock = sax_characters;
    sax->ignorableWhitespace = sax_characters;
    ctxt->userData = &stream;
    htmlParseDocument(ctxt);
    htmlFreeParserCtxt(ctxt);
    /* Elements still open at the end (recover mode) release what they hold. */
    while (stream.depth > 0) free(stream.stack[--stream.depth].owned);
    while (stream.ncaptures > 0) {
        jsx_sink *k = &stream.captures[--stream.ncaptures];
        page_add_microdata(p, k->name, buf_take(&k->r.out));
    }
    if (stream.script_depth) page_add_jsonld(p, buf_take(&stream.raw));
    free(stream.raw.data);
    free(stream.stack);
    free(stream.captures);
    free(blanked);
    p->text_len = (int)stream.main.r.out.len;
    p->text = buf_take(&stream.main.r.out);
    if (stream.heading.len) p->heading = buf_take(&stream.heading);
    free(stream.heading.data);
    return p;
}

void jsx_page_free(jsx_page *p) {
    if (!p) return;
    free(p->text);
    free(p->title);
    free(p->heading);
    for (int i = 0; i < p->jsonld_count; i++) free(p->jsonld[i]);
    free(p->jsonld);
    for (int i = 0; i < p->md_count; i++) {
        free(p->md_names[i]);
        free(p->md_values[i]);
    }
    free(p->md_names);
    free(p->md_values);
    free(p->meta_date);
    free(p->time_date);
    free(p);
}

const char *jsx_page_text(jsx_page *p, int *length) {
    if (length) *length = p->text_len;
    return p->text;
}

int jsx_page_is_partial(const jsx_page *p) { return p->partial; }
const char *jsx_page_title(const jsx_page *p) { return p->title; }
const char *jsx_page_heading(jsx_page *p) { return p->heading; }
int jsx_page_jsonld_count(const jsx_page *p) { return p->jsonld_count; }
const char *jsx_page_jsonld(const jsx_page *p, int i) { return (i >= 0 && i < p->jsonld_count) ? p->jsonld[i] : NULL; }
const char *jsx_page_meta_date(const jsx_page *p) { return p->meta_date; }
const char *jsx_page_time_datetime(const jsx_page *p) { return p->time_date; }
int jsx_page_microdata_count(const jsx_page *p) { return p->md_count; }
const char *jsx_page_microdata_name(const jsx_page *p, int i) { return (i >= 0 && i < p->md_count) ? p->md_names[i] : NULL; }
const char *jsx_page_microdata_value(const jsx_page *p, int i) { return (i >= 0 && i < p->md_count) ? p->md_values[i] : NULL; }

/* ---- Excel workbook parts ---- */

struct jsx_cells {
    int count, cap;
    int *rows;
    int *columns;
    char *kinds;
    char **texts;
};

void jsx_cells_free(jsx_cells *cells);

static void cells_add(jsx_cells *c, int row, int column, char kind, jsx_buf *text) {
    if (c->count == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->rows = realloc(c->rows, sizeof(int) * (size_t)c->cap);
        c->columns = realloc(c->columns, sizeof(int) * (size_t)c->cap);
        c->kinds = realloc(c->kinds, (size_t)c->cap);
        c->texts = realloc(c->texts, sizeof(char *) * (size_t)c->cap);
        if (!c->rows || !c->columns || !c->kinds || !c->texts) abort();
    }
    c->rows[c->count] = row;
    c->columns[c->count] = column;
    c->kinds[c->count] = kind;
    c->texts[c->count] = buf_take(text);
    c->count++;
}

/* The 0-based column of a cell reference ("B3" -> 1, "AA10" -> 26), or -1 without letters. */
static int cell_column(const char *ref) {
    int column = 0, letters = 0;
    for (const char *p = ref; *p; p++) {
        char ch = *p;
        if (ch >= 'a' && ch <= 'z') ch = (char)(ch - 32);
        if (ch < 'A' || ch > 'Z') break;
        column = column * 26 + (ch - 'A' + 1);
        if (++letters > 3) return -1;
    }
    return letters ? column - 1 : -1;
}

static xmlTextReaderPtr part_reader(const char *bytes, int length) {
    /* No network, no entity expansion (a workbook has no business defining entities), huge text allowed. */
    return xmlReaderForMemory(bytes, length, NULL, NULL, XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static int is_text_node(int type) {
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE
        || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* The reader versions below are the reference: the SAX versions after them give the same cells for a
   well-formed part and hand anything else (a break, a DOCTYPE, an undeclared prefix) back to them. */
static jsx_cells *reader_sheet_read(const char *bytes, int length) {
    xmlTextReaderPtr reader = part_reader(bytes, length);
    if (!reader) return NULL;
    jsx_cells *cells = calloc(1, sizeof(jsx_cells));
    if (!cells) abort();
    jsx_buf text = {0};
    int row = 0, column = -1, in_cell = 0, in_value = 0, in_inline = 0, in_run_text = 0, phonetic = 0, has_value = 0;
    char kind = 'n';
    int status;
    while ((status = xmlTextReaderRead(reader)) == 1) {
        int type = xmlTextReaderNodeType(reader);
        const char *name = (const char *)xmlTextReaderConstLocalName(reader);
        if (type == XML_READER_TYPE_ELEMENT && name) {
            int empty = xmlTextReaderIsEmptyElement(reader);
            if (strcmp(name, "row") == 0) {
                xmlChar *r = xmlTextReaderGetAttribute(reader, (const xmlChar *)"r");
                int number = r ? atoi((const char *)r) : 0;
                row = number > 0 ? number : row + 1;
                if (r) xmlFree(r);
                column = -1;
            } else if (strcmp(name, "c") == 0) {
                xmlChar *r = xmlTextReaderGetAttribute(reader, (const xmlChar *)"r");
                int parsed = r ? cell_column((const char *)r) : -1;
                column = parsed >= 0 ? parsed : column + 1;
                if (r) xmlFree(r);
                xmlChar *t = xmlTextReaderGetAttribute(reader, (const xmlChar *)"t");
                kind = 'n';
                if (t) {
                    if (strcmp((const char *)t, "s") == 0) kind = 's';
                    else if (strcmp((const char *)t, "inlineStr") == 0) kind = 'i';
                    else if (strcmp((const char *)t, "str") == 0) kind = 'S';
                    else if (strcmp((const char *)t, "b") == 0) kind = 'b';
                    else if (strcmp((const char *)t, "e") == 0) kind = 'e';
                    xmlFree(t);
                }
                text.len = 0;
                if (text.data) text.data[0] = 0;
                has_value = 0;
                in_cell = !empty;
            } else if (in_cell && strcmp(name, "v") == 0) {
                in_value = !empty;
                has_value = 1;
            } else if (in_cell && strcmp(name, "is") == 0) {
                in_inline = !empty;
                has_value = 1;
            } else if (in_inline && strcmp(name, "rPh") == 0) {
                phonetic = !empty;
            } else if (in_inline && !phonetic && strcmp(name, "t") == 0) {
                in_run_text = !empty;
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT && name) {
            if (strcmp(name, "c") == 0 && in_cell) {
                if (has_value) cells_add(cells, row, column, kind, &text);
                in_cell = in_value = in_inline = in_run_text = phonetic = 0;
            } else if (strcmp(name, "v") == 0) {
                in_value = 0;
            } else if (strcmp(name, "is") == 0) {
                in_inline = 0;
            } else if (strcmp(name, "rPh") == 0) {
                phonetic = 0;
            } else if (strcmp(name, "t") == 0) {
                in_run_text = 0;
            }
        } else if (is_text_node(type) && (in_value || in_run_text)) {
            const char *value = (const char *)xmlTextReaderConstValue(reader);
            if (value) buf_append(&text, value, strlen(value));
        }
    }
    free(text.data);
    xmlFreeTextReader(reader);
    if (status < 0 && cells->count == 0) {
        jsx_cells_free(cells);
        return NULL;
    }
    return cells;
}

static jsx_cells *reader_shared_strings_read(const char *bytes, int length) {
    xmlTextReaderPtr reader = part_reader(bytes, length);
    if (!reader) return NULL;
    jsx_cells *cells = calloc(1, sizeof(jsx_cells));
    if (!cells) abort();
    jsx_buf text = {0};
    int index = 0, in_item = 0, in_text = 0, phonetic = 0;
    int status;
    while ((status = xmlTextReaderRead(reader)) == 1) {
        int type = xmlTextReaderNodeType(reader);
        const char *name = (const char *)xmlTextReaderConstLocalName(reader);
        if (type == XML_READER_TYPE_ELEMENT && name) {
            int empty = xmlTextReaderIsEmptyElement(reader);
            if (strcmp(name, "si") == 0) {
                text.len = 0;
                if (text.data) text.data[0] = 0;
                index++;
                if (empty) cells_add(cells, index, 0, 's', &text);
                else in_item = 1;
            } else if (in_item && strcmp(name, "rPh") == 0) {
                phonetic = !empty;
            } else if (in_item && !phonetic && strcmp(name, "t") == 0) {
                in_text = !empty;
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT && name) {
            if (strcmp(name, "si") == 0 && in_item) {
                cells_add(cells, index, 0, 's', &text);
                in_item = in_text = phonetic = 0;
            } else if (strcmp(name, "rPh") == 0) {
                phonetic = 0;
            } else if (strcmp(name, "t") == 0) {
                in_text = 0;
            }
        } else if (is_text_node(type) && in_text) {
            const char *value = (const char *)xmlTextReaderConstValue(reader);
            if (value) buf_append(&text, value, strlen(value));
        }
    }
    free(text.data);
    xmlFreeTextReader(reader);
    if (status < 0 && cells->count == 0) {
        jsx_cells_free(cells);
        return NULL;
    }
    return cells;
}

/* ---- the same parts through libxml2's SAX2 callbacks: no reader nodes built and freed per element ---- */

typedef struct xlsx_sax xlsx_sax;
struct xlsx_sax {
    /* what the part's elements do (sheet_start/sheet_end or strings_start/strings_end) */
    void (*start)(xlsx_sax *s, const char *name, int nb_attributes, const xmlChar **attributes);
    void (*end)(xlsx_sax *s, const char *name);
    jsx_cells *cells;
    jsx_buf text;
    xmlParserCtxtPtr ctxt;
    /* 1 when the part holds something the reader would see otherwise (a DOCTYPE and its entities, a prefix
       without a namespace, which the reader names "x:c", an attribute value with a reference): redo it there. */
    int unsure;
    /* sheet state, as in reader_sheet_read */
    int row, column, in_cell, in_value, in_inline, in_run_text, phonetic, has_value;
    char kind;
    /* shared strings state, as in reader_shared_strings_read */
    int index, in_item, in_text;
};

static void sax_unsure(xlsx_sax *s) {
    s->unsure = 1;
    xmlStopParser(s->ctxt);
}

static void sax_quiet(void *user, xmlErrorPtr error) {
    (void)user;
    (void)error;
}

static void sax_doctype(void *user, const xmlChar *name, const xmlChar *external, const xmlChar *system) {
    (void)name;
    (void)external;
    (void)system;
    sax_unsure(user);
}

/* What xmlTextReaderGetAttribute(reader, name) gives for an unprefixed `name`, copied into `out`: 1 when
   found, 0 when absent, -1 when unsure (see xlsx_sax) or longer than `cap` - 1. */
static int sax_attribute(int count, const xmlChar **attributes, const char *name, char *out, size_t cap) {
    for (int i = 0; i < count; i++) {
        const xmlChar **a = attributes + 5 * i;
        if (a[1]) {
            if (!a[2]) return -1;
            continue;
        }
        if (strcmp((const char *)a[0], name) != 0) continue;
        size_t n = (size_t)(a[4] - a[3]);
        if (n >= cap || memchr(a[3], '&', n)) return -1;
        memcpy(out, a[3], n);
        out[n] = 0;
        return 1;
    }
    return 0;
}

static void sheet_start(xlsx_sax *s, const char *name, int nb_attributes, const xmlChar **attributes) {
    char value[64];
    if (strcmp(name, "row") == 0) {
        int found = sax_attribute(nb_attributes, attributes, "r", value, sizeof value);
        if (found < 0) {
            sax_unsure(s);
            return;
        }
        int number = found ? atoi(value) : 0;
        s->row = number > 0 ? number : s->row + 1;
        s->column = -1;
    } else if (strcmp(name, "c") == 0) {
        int found = sax_attribute(nb_attributes, attributes, "r", value, sizeof value);
        if (found < 0) {
            sax_unsure(s);
            return;
        }
        int parsed = found ? cell_column(value) : -1;
        s->column = parsed >= 0 ? parsed : s->column + 1;
        found = sax_attribute(nb_attributes, attributes, "t", value, sizeof value);
        if (found < 0) {
            sax_unsure(s);
            return;
        }
        s->kind = 'n';
        if (found) {
            if (strcmp(value, "s") == 0) s->kind = 's';
            else if (strcmp(value, "inlineStr") == 0) s->kind = 'i';
            else if (strcmp(value, "str") == 0) s->kind = 'S';
            else if (strcmp(value, "b") == 0) s->kind = 'b';
            else if (strcmp(value, "e") == 0) s->kind = 'e';
        }
        s->text.len = 0;
        if (s->text.data) s->text.data[0] = 0;
        s->has_value = 0;
        s->in_cell = 1;
    } else if (s->in_cell && strcmp(name, "v") == 0) {
        s->in_value = 1;
        s->has_value = 1;
    } else if (s->in_cell && strcmp(name, "is") == 0) {
        s->in_inline = 1;
        s->has_value = 1;
    } else if (s->in_inline && strcmp(name, "rPh") == 0) {
        s->phonetic = 1;
    } else if (s->in_inline && !s->phonetic && strcmp(name, "t") == 0) {
        s->in_run_text = 1;
    }
}

/* An element's end; for an empty element (<v/>) it follows its start at once, which leaves the state as the
   reader (no end node, the flag never set) does. */
static void sheet_end(xlsx_sax *s, const char *name) {
    if (strcmp(name, "c") == 0 && s->in_cell) {
        if (s->has_value) cells_add(s->cells, s->row, s->column, s->kind, &s->text);
        s->in_cell = s->in_value = s->in_inline = s->in_run_text = s->phonetic = 0;
    } else if (strcmp(name, "v") == 0) {
        s->in_value = 0;
    } else if (strcmp(name, "is") == 0) {
        s->in_inline = 0;
    } else if (strcmp(name, "rPh") == 0) {
        s->phonetic = 0;
    } else if (strcmp(name, "t") == 0) {
        s->in_run_text = 0;
    }
}

static void strings_start(xlsx_sax *s, const char *name, int nb_attributes, const xmlChar **attributes) {
    (void)nb_attributes;
    (void)attributes;
    if (strcmp(name, "si") == 0) {
        s->text.len = 0;
        if (s->text.data) s->text.data[0] = 0;
        s->index++;
        s->in_item = 1;
    } else if (s->in_item && strcmp(name, "rPh") == 0) {
        s->phonetic = 1;
    } else if (s->in_item && !s->phonetic && strcmp(name, "t") == 0) {
        s->in_text = 1;
    }
}

static void strings_end(xlsx_sax *s, const char *name) {
    if (strcmp(name, "si") == 0 && s->in_item) {
        cells_add(s->cells, s->index, 0, 's', &s->text);
        s->in_item = s->in_text = s->phonetic = 0;
    } else if (strcmp(name, "rPh") == 0) {
        s->phonetic = 0;
    } else if (strcmp(name, "t") == 0) {
        s->in_text = 0;
    }
}

static void part_start(void *user, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_namespaces,
                       const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes) {
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_defaulted;
    xlsx_sax *s = user;
    if (s->unsure) return;
    int unsure = prefix && !uri;
    for (int i = 0; i < nb_attributes && !unsure; i++) unsure = attributes[5 * i + 1] && !attributes[5 * i + 2];
    if (unsure) {
        sax_unsure(s);
        return;
    }
    s->start(s, (const char *)localname, nb_attributes, attributes);
}

static void part_end(void *user, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix;
    (void)uri;
    xlsx_sax *s = user;
    if (!s->unsure) s->end(s, (const char *)localname);
}

static void part_characters(void *user, const xmlChar *ch, int len) {
    xlsx_sax *s = user;
    if (!s->unsure && (s->in_value || s->in_run_text || s->in_text)) buf_append(&s->text, (const char *)ch, (size_t)len);
}

/* The cells of a well-formed part by SAX, or NULL when it must go to the reader (not well-formed, or unsure). */
static jsx_cells *sax_part_read(const char *bytes, int length, void (*start)(xlsx_sax *, const char *, int, const xmlChar **),
                                void (*end)(xlsx_sax *, const char *)) {
    pthread_once(&init_once, init_parser);
    if (length <= 0) return NULL;
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes, length);
    if (!ctxt) return NULL;
    xlsx_sax s = {0};
    s.ctxt = ctxt;
    s.start = start;
    s.end = end;
    s.kind = 'n';
    s.column = -1;
    s.cells = calloc(1, sizeof(jsx_cells));
    if (!s.cells) abort();
    xmlSAXHandlerPtr sax = ctxt->sax;
    memset(sax, 0, sizeof(*sax));
    sax->initialized = XML_SAX2_MAGIC;
    sax->startElementNs = part_start;
    sax->endElementNs = part_end;
    sax->characters = part_characters;
    sax->ignorableWhitespace = part_characters;
    sax->cdataBlock = part_characters;
    sax->internalSubset = sax_doctype;
    sax->externalSubset = sax_doctype;
    sax->serror = sax_quiet;
    ctxt->userData = &s;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlParseDocument(ctxt);
    int usable = ctxt->wellFormed && !s.unsure;
    xmlFreeParserCtxt(ctxt);
    free(s.text.data);
    if (!usable) {
        jsx_cells_free(s.cells);
        return NULL;
    }
    return s.cells;
}

jsx_cells *jsx_xlsx_sheet_read(const char *bytes, int length) {
    jsx_cells *cells = sax_part_read(bytes, length, sheet_start, sheet_end);
    return cells ? cells : reader_sheet_read(bytes, length);
}

jsx_cells *jsx_xlsx_shared_strings_read(const char *bytes, int length) {
    jsx_cells *cells = sax_part_read(bytes, length, strings_start, strings_end);
    return cells ? cells : reader_shared_strings_read(bytes, length);
}

int jsx_cells_count(const jsx_cells *cells) { return cells->count; }
int jsx_cells_row(const jsx_cells *cells, int index) { return cells->rows[index]; }
int jsx_cells_column(const jsx_cells *cells, int index) { return cells->columns[index]; }
char jsx_cells_kind(const jsx_cells *cells, int index) { return cells->kinds[index]; }
const char *jsx_cells_text(const jsx_cells *cells, int index) { return cells->texts[index]; }

void jsx_cells_free(jsx_cells *cells) {
    if (!cells) return;
    for (int i = 0; i < cells->count; i++) free(cells->texts[i]);
    free(cells->rows);
    free(cells->columns);
    free(cells->kinds);
    free(cells->texts);
    free(cells);
}
