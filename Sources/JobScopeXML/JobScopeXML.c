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
#include <pthread.h>
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
    char *text;
    int text_len;
    char *title;
    char *heading;
    char **jsonld;
    int jsonld_count, jsonld_cap;
    char **md_names;
    char **md_values;
    int md_count, md_cap;
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

/* Elements whose content is never visible text, wherever they are. */
static int is_never_text_name(const char *name) {
    static const char *names[] = {"script", "style", "noscript", "template", "svg", "math", "iframe",
                                  "object", "embed", "canvas", "form", "button", "select", "textarea",
                                  "input", "option", "nav", "aside", "head", "audio", "video", "map",
                                  "dialog", "menu", NULL};
    for (const char **s = names; *s; s++)
        if (strcmp(name, *s) == 0) return 1;
    return 0;
}

/* The attributes that decide whether an element is chrome, however they were found (DOM or SAX). */
typedef struct {
    const char *cls, *id, *style, *role;
    int hidden;
} jsx_attrs;

/* Page chrome and hidden elements: dropped from the visible text. Headers and footers are kept when
   they sit inside the posting itself (an <article> or <main>), where they usually hold its title. */
static int is_chrome_element(const char *name, const jsx_attrs *a, int in_content) {
    if (!name) return 0;
    if (is_never_text_name(name)) return 1;
    if (!in_content && (strcmp(name, "header") == 0 || strcmp(name, "footer") == 0)) return 1;
    if (a->hidden) return 1;
    const char *role = a->role;
    if (role && (strcasecmp(role, "navigation") == 0 || strcasecmp(role, "banner") == 0 ||
                 strcasecmp(role, "contentinfo") == 0 || strcasecmp(role, "search") == 0 ||
                 strcasecmp(role, "dialog") == 0 || strcasecmp(role, "alertdialog") == 0))
        return 1;
    const char *style = a->style;
    if (style && (strcasestr(style, "display:none") || strcasestr(style, "display: none") ||
                  strcasestr(style, "visibility:hidden") || strcasestr(style, "visibility: hidden")))
        return 1;
    if (strcmp(name, "body") == 0 || strcmp(name, "html") == 0 || strcmp(name, "main") == 0 ||
        strcmp(name, "article") == 0)
        return 0;
    static const char *marks[] = {"cookie", "consent", "gdpr", "onetrust", "visually-hidden", "sr-only",
                                  "screen-reader", "skip-link", "a11y-text", NULL};
    const char *ids[2] = {a->cls, a->id};
    for (int k = 0; k < 2; k++) {
        if (!ids[k]) continue;
        for (const char **m = marks; *m; m++)
            if (strcasestr(ids[k], *m)) return 1;
    }
    return 0;
}

/* How much space an element puts around itself: 2 = paragraph (blank line), 1 = line, 0 = inline. */
static int block_level_name(const char *s) {
    if (!s) return 0;
    switch (s[0]) {
    case 'p': return (s[1] == 0 || strcmp(s, "pre") == 0) ? 2 : 0;
    case 'h':
        if (s[1] >= '1' && s[1] <= '6' && s[2] == 0) return 2;
        if (strcmp(s, "hr") == 0 || strcmp(s, "header") == 0) return 2;
        return 0;
    case 'u': return s[1] == 'l' && s[2] == 0 ? 2 : 0;
    case 'o': return s[1] == 'l' && s[2] == 0 ? 2 : 0;
    case 'd':
        if (strcmp(s, "div") == 0 || strcmp(s, "dt") == 0 || strcmp(s, "dd") == 0) return 1;
        if (strcmp(s, "dl") == 0 || strcmp(s, "details") == 0) return 2;
        return 0;
    case 't':
        if (strcmp(s, "table") == 0) return 2;
        if (strcmp(s, "tr") == 0) return 1;
        return 0;
    case 'b': return strcmp(s, "blockquote") == 0 ? 2 : 0;
    case 's':
        if (strcmp(s, "section") == 0) return 2;
        if (strcmp(s, "summary") == 0) return 1;
        return 0;
    case 'a':
        if (strcmp(s, "article") == 0 || strcmp(s, "address") == 0) return 2;
        return 0;
    case 'm': return strcmp(s, "main") == 0 ? 2 : 0;
    case 'f':
        if (strcmp(s, "figure") == 0 || strcmp(s, "footer") == 0 || strcmp(s, "fieldset") == 0) return 2;
        if (strcmp(s, "figcaption") == 0) return 1;
        return 0;
    case 'c': return strcmp(s, "caption") == 0 ? 1 : 0;
    case 'l': return strcmp(s, "li") == 0 ? 1 : 0;
    default: return 0;
    }
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

static void r_emit(jsx_renderer *r, const unsigned char *s) {
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = s[i];
        int space = (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v');
        if (c == 0xC2 && s[i + 1] == 0xA0) { /* NBSP */
            space = 1;
            i++;
            c = ' ';
        }
        if (space) {
            if (r->pre_depth > 0 && c == '\n') {
                r_break(r, 1);
            } else if (r->out.len > 0 && r->out.data[r->out.len - 1] != '\n') {
                r->pending_space = 1;
            }
            if (r->in_heading && r->heading && r->heading->len > 0) r->in_heading = 2;
            continue;
        }
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
        buf_putc(&r->out, (char)c);
        if (r->in_heading && r->heading) {
            if (r->in_heading == 2) buf_putc(r->heading, ' ');
            r->in_heading = 1;
            buf_putc(r->heading, (char)c);
        }
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
    int structured; /* collect title, JSON-LD, microdata */
    int microdata;
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
static void sink_start(jsx_sink *k, const char *n, int chrome, const jsx_frame *f, int depth) {
    if (k->skip_depth) return;
    if (chrome) {
        k->skip_depth = depth;
        return;
    }
    if (strcmp(n, "br") == 0) {
        r_break(&k->r, 1);
        return;
    }
    if (f->level) r_break(&k->r, f->level);
    if (strcmp(n, "td") == 0 || strcmp(n, "th") == 0) k->r.pending_space = k->r.out.len > 0;
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

static void sax_start(void *ctx, const xmlChar *xname, const xmlChar **atts) {
    jsx_stream *s = ctx;
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

    if (s->structured) {
        if (!s->script_depth && strcmp(n, "script") == 0) {
            const char *type = find_attr(atts, "type");
            if (type && strcasestr(type, "ld+json")) s->script_depth = depth;
        } else if (!s->title_depth && !s->page->title && strcmp(n, "title") == 0) {
            s->title_depth = depth;
        }
    }

    jsx_attrs a = {0};
    for (const xmlChar **p = atts; p && p[0]; p += 2) {
        const char *an = (const char *)p[0];
        const char *value = p[1] ? (const char *)p[1] : "";
        if (strcasecmp(an, "class") == 0) a.cls = value;
        else if (strcasecmp(an, "id") == 0) a.id = value;
        else if (strcasecmp(an, "style") == 0) a.style = value;
        else if (strcasecmp(an, "role") == 0) a.role = value;
        else if (strcasecmp(an, "hidden") == 0) a.hidden = 1;
    }
    f->content = (unsigned char)(in_content || strcmp(n, "article") == 0 || strcmp(n, "main") == 0);
    f->level = (unsigned char)block_level_name(n);
    f->is_li = strcmp(n, "li") == 0;
    f->is_pre = strcmp(n, "pre") == 0;

    sink_start(&s->main, n, is_chrome_element(n, &a, in_content), f, depth);
    if (s->ncaptures) {
        int chrome = is_chrome_element(n, &a, 1);
        for (int i = 0; i < s->ncaptures; i++) sink_start(&s->captures[i], n, chrome, f, depth);
    }
    if (!s->main.skip_depth && strcmp(n, "h1") == 0 && s->heading.len == 0 && !s->main.r.in_heading) {
        f->is_h1 = 1;
        s->main.r.in_heading = 1;
    }

    if (s->microdata) {
        const char *prop = find_attr(atts, "itemprop");
        int scope = find_attr(atts, "itemscope") != NULL;
        if (prop && *prop) {
            char *name = join_name(f->prefix, prop);
            if (scope) {
                f->owned = name;
                f->prefix = name;
            } else {
                const char *value = find_attr(atts, "content");
                if (!value) value = find_attr(atts, "datetime");
                if (!value && (strcmp(n, "meta") == 0 || strcmp(n, "link") == 0 || strcmp(n, "a") == 0))
                    value = find_attr(atts, "href");
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
        } else if (scope) {
            f->prefix = NULL; /* a nested item of its own starts a fresh scope */
        }
    }
}

static void sax_end(void *ctx, const xmlChar *name) {
    (void)name;
    jsx_stream *s = ctx;
    if (s->depth == 0) return;
    int depth = s->depth;
    jsx_frame *f = &s->stack[--s->depth];
    if (s->script_depth == depth) {
        page_add_jsonld(s->page, buf_take(&s->raw));
        s->script_depth = 0;
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
    if (len <= 0) return;
    if (s->script_depth || s->title_depth) {
        buf_append(&s->raw, (const char *)ch, (size_t)len);
        return;
    }
    int any = !s->main.skip_depth;
    for (int i = 0; i < s->ncaptures && !any; i++) any = !s->captures[i].skip_depth;
    if (!any) return;
    /* r_emit wants a NUL-terminated string; copy through a small stack buffer. */
    char local[2048];
    char *text = len < (int)sizeof(local) ? local : malloc((size_t)len + 1);
    if (!text) abort();
    memcpy(text, ch, (size_t)len);
    text[len] = 0;
    if (!s->main.skip_depth) r_emit(&s->main.r, (const unsigned char *)text);
    for (int i = 0; i < s->ncaptures; i++)
        if (!s->captures[i].skip_depth) r_emit(&s->captures[i].r, (const unsigned char *)text);
    if (text != local) free(text);
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

jsx_page *jsx_page_parse(const char *bytes, int length, const char *encoding, int options) {
    pthread_once(&init_once, init_parser);
    if (length <= 0) return NULL;
    xmlSetGenericErrorFunc(NULL, ignore_error);
    xmlSetStructuredErrorFunc(NULL, NULL);
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(bytes, length);
    if (!ctxt) return NULL;
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
    stream.microdata = stream.structured && memmem(bytes, (size_t)length, "itemprop", 8) != NULL;
    stream.main.r.heading = stream.structured ? &stream.heading : NULL;
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
    free(p);
}

const char *jsx_page_text(jsx_page *p, int *length) {
    if (length) *length = p->text_len;
    return p->text;
}

const char *jsx_page_title(const jsx_page *p) { return p->title; }
const char *jsx_page_heading(jsx_page *p) { return p->heading; }
int jsx_page_jsonld_count(const jsx_page *p) { return p->jsonld_count; }
const char *jsx_page_jsonld(const jsx_page *p, int i) { return (i >= 0 && i < p->jsonld_count) ? p->jsonld[i] : NULL; }
int jsx_page_microdata_count(const jsx_page *p) { return p->md_count; }
const char *jsx_page_microdata_name(const jsx_page *p, int i) { return (i >= 0 && i < p->md_count) ? p->md_names[i] : NULL; }
const char *jsx_page_microdata_value(const jsx_page *p, int i) { return (i >= 0 && i < p->md_count) ? p->md_values[i] : NULL; }
