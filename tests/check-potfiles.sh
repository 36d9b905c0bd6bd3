#!/bin/sh
# Fails when a source file with strings marked for translation is missing
# from po/POTFILES.in, or when POTFILES.in names a file that does not exist.
# SPDX-License-Identifier: GPL-3.0-or-later
top="$1"
cd "$top" || exit 1
status=0

listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$')
for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done

marked=$( (grep -l -E '(^|[^a-z_])(_|N_|C_|NC_)\(|ngettext \(|g_dngettext' src/*.c src/*/*.c 2>/dev/null;
           grep -l 'translatable="yes"' ui/*.ui ui/*/*.ui 2>/dev/null;
           ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml 2>/dev/null) | sort -u)
for file in $marked; do
  if ! echo "$listed" | grep -qx "$file"; then
    echo "$file has strings marked for translation but is missing from po/POTFILES.in"
    status=1
  fi
done

# xgettext cannot see through G_GINT64_FORMAT and friends: such a msgid
# stops at the "%" and can never be translated (HACKING, Translations)
spliced=$(grep -n -E '(_|N_)\("[^"]*%" *G_G?U?INT(64|SIZE)_FORMAT' $(echo "$listed" | grep '\.c$'))
if [ -n "$spliced" ]; then
  echo "a format macro is spliced into a translatable string (format the number first):"
  echo "$spliced"
  status=1
fi

[ $status = 0 ] && echo "ok po/POTFILES.in lists all $(echo "$marked" | wc -l) files with translatable strings"
exit $status
