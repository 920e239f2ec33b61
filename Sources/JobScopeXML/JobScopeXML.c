/* The only JobScope code that includes libxml2. It parses a page, walks the DOM once for the visible
   text and once for structured data (title, JSON-LD, microdata), and hands plain C strings to Swift.
   Every libxml2 object is freed before jsx_page_parse returns; the page owns only malloc'd strings. */
#define _GNU_SOURCE
#include "JobScopeXML.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
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
    htmlDocPtr doc;     /* kept until the text is rendered (lazily: JSON-LD pages often never need it) */
    int rendered;
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

static int name_is(const xmlNode *n, const char *name) {
    return n->name && strcmp((const char *)n->name, name) == 0;
}

/* The value of an attribute, pointing into the tree (no copy), or NULL. */
static const char *attr(const xmlNode *n, const char *name) {
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && strcasecmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->content) return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

static int has_attr(const xmlNode *n, const char *name) {
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0) return 1;
    return 0;
}

/* Elements whose content is never visible text, wherever they are. */
static int is_never_text(const xmlNode *n) {
    static const char *names[] = {"script", "style", "noscript", "template", "svg", "math", "iframe",
                                  "object", "embed", "canvas", "form", "button", "select", "textarea",
                                  "input", "option", "nav", "aside", "head", "audio", "video", "map",
                                  "dialog", "menu", NULL};
    for (const char **s = names; *s; s++)
        if (name_is(n, *s)) return 1;
    return 0;
}

/* Page chrome and hidden elements: dropped from the visible text. Headers and footers are kept when
   they sit inside the posting itself (an <article> or <main>), where they usually hold its title. */
static int is_chrome(const xmlNode *n, int in_content) {
    if (is_never_text(n)) return 1;
    if (!in_content && (name_is(n, "header") || name_is(n, "footer"))) return 1;
    if (has_attr(n, "hidden")) return 1;
    const char *role = attr(n, "role");
    if (role && (strcasecmp(role, "navigation") == 0 || strcasecmp(role, "banner") == 0 ||
                 strcasecmp(role, "contentinfo") == 0 || strcasecmp(role, "search") == 0 ||
                 strcasecmp(role, "dialog") == 0 || strcasecmp(role, "alertdialog") == 0))
        return 1;
    const char *style = attr(n, "style");
    if (style && (strcasestr(style, "display:none") || strcasestr(style, "display: none") ||
                  strcasestr(style, "visibility:hidden") || strcasestr(style, "visibility: hidden")))
        return 1;
    if (name_is(n, "body") || name_is(n, "html") || name_is(n, "main") || name_is(n, "article")) return 0;
    static const char *marks[] = {"cookie", "consent", "gdpr", "onetrust", "visually-hidden", "sr-only",
                                  "screen-reader", "skip-link", "a11y-text", NULL};
    const char *ids[2] = {attr(n, "class"), attr(n, "id")};
    for (int k = 0; k < 2; k++) {
        if (!ids[k]) continue;
        for (const char **m = marks; *m; m++)
            if (strcasestr(ids[k], *m)) return 1;
    }
    return 0;
}

/* How much space an element puts around itself: 2 = paragraph (blank line), 1 = line, 0 = inline. */
static int block_level(const xmlNode *n) {
    const char *s = (const char *)n->name;
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

static void render(jsx_renderer *r, const xmlNode *node, int in_content, int depth) {
    for (const xmlNode *n = node; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) r_emit(r, n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || depth > 512) continue;
        if (is_chrome(n, in_content)) continue;
        int level = block_level(n);
        int is_li = name_is(n, "li");
        int is_pre = name_is(n, "pre");
        int is_h1 = name_is(n, "h1") && r->heading && r->heading->len == 0 && !r->in_heading;
        if (name_is(n, "br")) {
            r_break(r, 1);
            continue;
        }
        if (level) r_break(r, level);
        if (name_is(n, "td") || name_is(n, "th")) r->pending_space = r->out.len > 0;
        if (is_li) r->bullet_pending = 1;
        if (is_pre) r->pre_depth++;
        if (is_h1) r->in_heading = 1;
        int content = in_content || name_is(n, "article") || name_is(n, "main");
        if (n->children) render(r, n->children, content, depth + 1);
        if (is_h1) r->in_heading = 0;
        if (is_pre) r->pre_depth--;
        if (is_li) r->bullet_pending = 0;
        if (level) r_break(r, level);
    }
}

/* ---- structured data: title, JSON-LD, microdata ---- */

/* Raw text of a subtree's text nodes (for <script> and <title> contents). */
static void raw_text(const xmlNode *node, jsx_buf *out) {
    for (const xmlNode *n = node; n; n = n->next) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
            buf_append(out, (const char *)n->content, strlen((const char *)n->content));
        else if (n->type == XML_ELEMENT_NODE && n->children)
            raw_text(n->children, out);
    }
}

static char *rendered_text(const xmlNode *n) {
    jsx_renderer r = {0};
    render(&r, n->children, 1, 0);
    return buf_take(&r.out);
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

static void scan(jsx_page *p, const xmlNode *node, const char *prefix, int microdata, int depth) {
    for (const xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || depth > 512) continue;
        if (name_is(n, "script")) {
            const char *type = attr(n, "type");
            if (type && strcasestr(type, "ld+json")) {
                jsx_buf b = {0};
                raw_text(n->children, &b);
                page_add_jsonld(p, buf_take(&b));
            }
            continue;
        }
        if (name_is(n, "style") || name_is(n, "svg")) continue;
        if (!p->title && name_is(n, "title")) {
            jsx_buf b = {0};
            raw_text(n->children, &b);
            p->title = buf_take(&b);
            continue;
        }
        const char *next_prefix = prefix;
        char *owned = NULL;
        if (microdata) {
            const char *prop = attr(n, "itemprop");
            if (prop && *prop) {
                char *name = join_name(prefix, prop);
                if (has_attr(n, "itemscope")) {
                    owned = name;
                    next_prefix = owned;
                } else {
                    const char *value = attr(n, "content");
                    if (!value) value = attr(n, "datetime");
                    if (!value && (name_is(n, "meta") || name_is(n, "link") || name_is(n, "a")))
                        value = attr(n, "href");
                    char *copy = value ? strdup(value) : rendered_text(n);
                    if (!copy) abort();
                    page_add_microdata(p, name, copy);
                }
            } else if (has_attr(n, "itemscope")) {
                next_prefix = NULL; /* a nested item of its own starts a fresh scope */
            }
        }
        if (n->children) scan(p, n->children, next_prefix, microdata, depth + 1);
        free(owned);
    }
}

/* ---- entry points ---- */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_parser(void) { xmlInitParser(); }

jsx_page *jsx_page_parse(const char *bytes, int length, const char *encoding, int options) {
    pthread_once(&init_once, init_parser);
    int flags = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_COMPACT;
    if (encoding) flags |= HTML_PARSE_IGNORE_ENC;
    htmlDocPtr doc = htmlReadMemory(bytes, length, NULL, encoding, flags);
    if (!doc) return NULL;
    jsx_page *p = calloc(1, sizeof(jsx_page));
    if (!p) abort();
    p->doc = doc;
    if (!(options & JSX_TEXT_ONLY)) {
        int microdata = memmem(bytes, (size_t)length, "itemprop", 8) != NULL;
        xmlNodePtr root = xmlDocGetRootElement(doc);
        if (root) scan(p, root, NULL, microdata, 0);
    }
    return p;
}

/* Renders the visible text and first heading once, then frees the libxml2 document. */
static void ensure_rendered(jsx_page *p) {
    if (p->rendered) return;
    p->rendered = 1;
    jsx_buf heading = {0};
    jsx_renderer r = {0};
    r.heading = &heading;
    xmlNodePtr root = p->doc ? xmlDocGetRootElement(p->doc) : NULL;
    if (root) render(&r, root, 0, 0);
    p->text_len = (int)r.out.len;
    p->text = buf_take(&r.out);
    if (heading.len) p->heading = buf_take(&heading);
    free(heading.data);
    if (p->doc) xmlFreeDoc(p->doc);
    p->doc = NULL;
}

void jsx_page_free(jsx_page *p) {
    if (!p) return;
    if (p->doc) xmlFreeDoc(p->doc);
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
    ensure_rendered(p);
    if (length) *length = p->text_len;
    return p->text;
}

const char *jsx_page_title(const jsx_page *p) { return p->title; }
const char *jsx_page_heading(jsx_page *p) {
    ensure_rendered(p);
    return p->heading;
}
int jsx_page_jsonld_count(const jsx_page *p) { return p->jsonld_count; }
const char *jsx_page_jsonld(const jsx_page *p, int i) { return (i >= 0 && i < p->jsonld_count) ? p->jsonld[i] : NULL; }
int jsx_page_microdata_count(const jsx_page *p) { return p->md_count; }
const char *jsx_page_microdata_name(const jsx_page *p, int i) { return (i >= 0 && i < p->md_count) ? p->md_names[i] : NULL; }
const char *jsx_page_microdata_value(const jsx_page *p, int i) { return (i >= 0 && i < p->md_count) ? p->md_values[i] : NULL; }
