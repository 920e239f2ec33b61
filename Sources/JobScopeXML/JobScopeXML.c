#include "JobScopeXML.h"
#include <libxml/xmlversion.h>

const char *jsx_libxml_version(void) { return LIBXML_VERSION_STRING; }
