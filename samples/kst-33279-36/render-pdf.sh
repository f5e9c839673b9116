#!/bin/sh
# Renders kst-33279-36.pdf, the flagship as a KOOP-style PDF, from the
# reconstructed XML beside it: render-pdf.py lays the XML out as an
# OpenDocument text with real footnotes, and LibreOffice prints it.
# Needs /usr/bin/python3 and LibreOffice Writer (Debian: libreoffice-writer-nogui);
# neither is needed to build or test stukwerk, which uses the committed PDF.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/render-pdf.py" "$here/kst-33279-36.xml" "$work/kst-33279-36.fodt"
# A private profile folder: no user settings, no lock on a running office.
HOME="$work" soffice --headless --norestore --convert-to pdf --outdir "$work" "$work/kst-33279-36.fodt" >/dev/null
test -s "$work/kst-33279-36.pdf"
mv "$work/kst-33279-36.pdf" "$here/kst-33279-36.pdf"
echo "wrote $here/kst-33279-36.pdf"
