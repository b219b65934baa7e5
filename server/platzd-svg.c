/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "platzd-svg"

#include "config.h"

#include <string.h>

#include "platz-error.h"
#include "platzd-svg.h"

/*
 * An uploaded SVG floor plan is opened by browsers and by the client, so
 * it must not be able to run or fetch anything.  Plans are refused, not
 * rewritten: a plan that holds anything outside the allow-lists below is
 * answered 422 invalid_plan naming what was found, and the facility
 * manager exports it again without it (drawing programs can).  Refused:
 *
 *  - anything that is not well-formed XML with an <svg> root;
 *  - a DOCTYPE or entity declaration (GMarkup knows only the five
 *    predefined entities and fails on any other, but a DOCTYPE is handed
 *    on as is: both are refused before parsing, so no "billion laughs");
 *  - CDATA sections and processing instructions other than <?xml ...?>;
 *  - elements outside the SVG drawing vocabulary (script, foreignObject,
 *    iframe, a, animate and set, which can change a link, ...);
 *  - attributes outside the allow-list, every on* event handler included;
 *  - references out of the file: href / xlink:href other than "#id" or
 *    an embedded PNG (data:image/png;base64,...), url(...) other than
 *    url(#id), @import, in attributes and in <style>;
 *  - namespaces other than SVG, XLink and the editor metadata of
 *    Inkscape, Sodipodi, RDF, Creative Commons and Dublin Core (an XHTML
 *    namespace would let <x:script> run).
 *
 * Elements and attributes of the editor namespaces (inkscape:label,
 * sodipodi:namedview, ...) are kept: browsers do not act on them.
 */

#define MAX_DEPTH 256

static const char * const elements[] = {
  "svg", "g", "defs", "title", "desc", "metadata", "symbol", "use", "switch",
  "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
  "text", "tspan", "textPath",
  "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
  "image", "style",
  "filter", "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite",
  "feColorMatrix", "feMerge", "feMergeNode",
  NULL
};

static const char * const attributes[] = {
  "id", "class", "style", "transform", "lang", "version", "baseProfile",
  "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
  "width", "height", "d", "points", "pathLength", "viewBox", "preserveAspectRatio",
  "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "href",
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity",
  "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
  "stroke-dashoffset", "opacity", "color", "display", "visibility", "overflow",
  "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits",
  "filter", "filterUnits", "primitiveUnits", "in", "in2", "result", "stdDeviation",
  "mode", "operator", "k1", "k2", "k3", "k4", "values", "type", "flood-color",
  "flood-opacity", "color-interpolation-filters",
  "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
  "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
  "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "direction",
  "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
  "spreadMethod", "patternUnits", "patternContentUnits", "patternTransform",
  "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight",
  "markerUnits", "refX", "refY", "orient", "shape-rendering", "text-rendering",
  "image-rendering", "vector-effect", "enable-background", "media",
  NULL
};

/* Prefix-free namespaces allowed in xmlns / xmlns:p declarations. */
static const char * const namespaces[] = {
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xlink",
  "http://www.inkscape.org/namespaces/inkscape",
  "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
  "http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "http://creativecommons.org/ns#",
  "http://web.resource.org/cc/",
  "http://purl.org/dc/elements/1.1/",
  NULL
};

/* Prefixes whose elements and attributes are editor metadata. */
static const char * const metadata_prefixes[] = {
  "inkscape", "sodipodi", "rdf", "cc", "dc", NULL
};

typedef struct {
  guint    depth;
  gboolean seen_root;
  gboolean in_style;
} Check;

static gboolean
in_list (const char * const *list,
         const char         *name)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* inkscape:label -> TRUE for the metadata prefixes */
static gboolean
is_metadata_name (const char *name)
{
  const char *colon = strchr (name, ':');
  g_autofree char *prefix = NULL;

  if (colon == NULL)
    return FALSE;
  prefix = g_strndup (name, (gsize) (colon - name));
  return in_list (metadata_prefixes, prefix);
}

static gboolean
refuse (GError    **error,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError    **error,
        const char *format,
        ...)
{
  va_list args;
  g_autofree char *what = NULL;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PLATZ_ERROR, PLATZ_ERROR_INVALID_PLAN,
               "The SVG floor plan is refused: %s", what);
  return FALSE;
}

/* Where the parser was, for the message. */
static void
add_position (GMarkupParseContext *context,
              GError              *error)
{
  int line = 0, ch = 0;
  char *message;

  g_markup_parse_context_get_position (context, &line, &ch);
  message = g_strdup_printf ("%s (line %d, column %d)", error->message, line, ch);
  g_free (error->message);
  error->message = message;
}

/* url(...) only to a fragment of this file; no @import, no script URLs.
 * Checked on attribute values and <style> text alike. */
static gboolean
check_css (const char *text,
           GError    **error)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  const char *p = lower;

  if (strstr (lower, "@import") != NULL || strstr (lower, "javascript:") != NULL ||
      strstr (lower, "expression(") != NULL || strchr (lower, '\\') != NULL)
    return refuse (error, "style with @import, a script URL or CSS escapes");
  while ((p = strstr (p, "url(")) != NULL)
    {
      p += strlen ("url(");
      while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '"' || *p == '\'')
        p++;
      if (*p != '#')
        return refuse (error, "url(...) outside the file (only url(#id) is allowed)");
    }
  return TRUE;
}

static gboolean
check_href (const char *value,
            GError    **error)
{
  if (value[0] == '#' || g_str_has_prefix (value, "data:image/png;base64,"))
    return TRUE;
  return refuse (error,
                 "a link out of the file (only \"#id\" and embedded PNG images are allowed)");
}

static void
on_start_element_cb (GMarkupParseContext *context,
                     const char          *element,
                     const char         **names,
                     const char         **values,
                     gpointer             user_data,
                     GError             **error)
{
  Check *check = user_data;

  if (++check->depth > MAX_DEPTH)
    {
      refuse (error, "elements nested deeper than %d", MAX_DEPTH);
      return;
    }
  if (!check->seen_root)
    {
      check->seen_root = TRUE;
      if (strcmp (element, "svg") != 0)
        {
          refuse (error, "the root element is <%s>, not <svg>", element);
          return;
        }
    }
  if (!in_list (elements, element) && !is_metadata_name (element))
    {
      refuse (error, "the element <%s> is not allowed", element);
      return;
    }
  check->in_style = strcmp (element, "style") == 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      const char *value = values[i];

      if (g_ascii_strncasecmp (name, "on", 2) == 0)
        {
          refuse (error, "the event handler %s=\"...\" on <%s>", name, element);
          return;
        }
      if (strcmp (name, "xmlns") == 0 || g_str_has_prefix (name, "xmlns:"))
        {
          if (!in_list (namespaces, value))
            {
              refuse (error, "the namespace \"%s\"", value);
              return;
            }
          continue;
        }
      if (strcmp (name, "href") == 0 || strcmp (name, "xlink:href") == 0)
        {
          if (!check_href (value, error))
            return;
          continue;
        }
      if (is_metadata_name (name) || strcmp (name, "xml:space") == 0 ||
          strcmp (name, "xlink:title") == 0)
        continue;
      if (!in_list (attributes, name))
        {
          refuse (error, "the attribute %s on <%s> is not allowed", name, element);
          return;
        }
      /* Presentation attributes are CSS values too (fill="url(...)"). */
      if (!check_css (value, error))
        return;
    }
}

static void
on_end_element_cb (GMarkupParseContext *context,
                   const char          *element,
                   gpointer             user_data,
                   GError             **error)
{
  Check *check = user_data;

  check->depth--;
  check->in_style = FALSE;
}

static void
on_text_cb (GMarkupParseContext *context,
            const char          *text,
            gsize                length,
            gpointer             user_data,
            GError             **error)
{
  Check *check = user_data;

  if (check->in_style)
    {
      g_autofree char *css = g_strndup (text, length);
      check_css (css, error);
    }
}

static void
on_passthrough_cb (GMarkupParseContext *context,
                   const char          *text,
                   gsize                length,
                   gpointer             user_data,
                   GError             **error)
{
  if (length >= 4 && strncmp (text, "<!--", 4) == 0)
    return;
  if (length >= 5 && strncmp (text, "<?xml", 5) == 0 && (length == 5 || text[5] == ' '))
    return;
  if (length >= 9 && strncmp (text, "<![CDATA[", 9) == 0)
    refuse (error, "CDATA sections are not taken");
  else
    refuse (error, "a DOCTYPE, entity or processing instruction");
}

static const GMarkupParser parser = {
  on_start_element_cb,
  on_end_element_cb,
  on_text_cb,
  on_passthrough_cb,
  NULL,
};

gboolean
platzd_svg_check (const char *data,
                  gsize       length,
                  GError    **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local = NULL;
  Check check = { 0 };

  /* g_utf8_validate_len () also fails on a NUL byte. */
  if (!g_utf8_validate_len (data, length, NULL))
    return refuse (error, "it is not UTF-8 text");
  if (g_strstr_len (data, (gssize) length, "<!DOCTYPE") != NULL ||
      g_strstr_len (data, (gssize) length, "<!ENTITY") != NULL)
    return refuse (error, "a DOCTYPE or entity declaration");
  context = g_markup_parse_context_new (&parser, 0, &check, NULL);
  if (!g_markup_parse_context_parse (context, data, (gssize) length, &local) ||
      !g_markup_parse_context_end_parse (context, &local))
    {
      if (!g_error_matches (local, PLATZ_ERROR, PLATZ_ERROR_INVALID_PLAN))
        {
          g_autofree char *why = g_strdup (local->message);

          g_clear_error (&local);
          refuse (&local, "it is not well-formed XML: %s", why);
        }
      add_position (context, local);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!check.seen_root)
    return refuse (error, "it has no <svg> element");
  return TRUE;
}
