#ifndef JOBSCOPE_XML_H
#define JOBSCOPE_XML_H

/* The JobScope side of libxml2. Only plain C types cross this boundary, so that Swift never
   imports libxml2's own headers (which drag in ICU and a global xmlFree that Swift 6 rejects). */

/* The libxml2 version this was built against, e.g. "20914". */
const char *jsx_libxml_version(void);

#endif
