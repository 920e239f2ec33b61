#!/usr/bin/env bash
# Leak check for the libxml2 side (Sources/JobScopeXML): builds a small C driver with AddressSanitizer and
# LeakSanitizer, parses every page given (default: the HTML fixtures and Examples) through the full
# jsx_page API, twice (text rendered and not), and fails on any leak or memory error.
# usage: scripts/check-xml-leaks.sh [FILE.html ...]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/driver.c" <<'C'
#include "JobScopeXML.h"
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    long pages = 0, bytes = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 2; }
        fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
        char *buf = malloc((size_t)n + 1);
        if (fread(buf, 1, (size_t)n, f) != (size_t)n) { fclose(f); return 2; }
        fclose(f);
        for (int pass = 0; pass < 3; pass++) {
            jsx_page *p = jsx_page_parse(buf, (int)n, pass == 2 ? NULL : "UTF-8", pass == 1 ? JSX_TEXT_ONLY : 0);
            if (!p) continue;
            for (int k = 0; k < jsx_page_jsonld_count(p); k++) bytes += (long)(jsx_page_jsonld(p, k) != NULL);
            for (int k = 0; k < jsx_page_microdata_count(p); k++) bytes += (long)(jsx_page_microdata_value(p, k) != NULL);
            if (pass != 2) { int len = 0; jsx_page_text(p, &len); bytes += len; jsx_page_heading(p); }
            jsx_page_free(p);
            pages++;
        }
        free(buf);
    }
    printf("parsed %ld pages, %ld text bytes, no leaks reported\n", pages, bytes);
    return 0;
}
C
cc -std=c11 -O1 -g -fsanitize=address -fno-omit-frame-pointer -ISources/JobScopeXML/include \
  $(pkg-config --cflags libxml-2.0) "$work/driver.c" Sources/JobScopeXML/JobScopeXML.c \
  $(pkg-config --libs libxml-2.0) -lpthread -o "$work/driver"
if (($# == 0)); then
  set -- Tests/JobScopeTests/Fixtures/Ingest/*.html Examples/*.html
fi
ASAN_OPTIONS=detect_leaks=1 "$work/driver" "$@"
